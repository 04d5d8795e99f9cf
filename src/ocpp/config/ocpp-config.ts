/**
 * OCPP gateway settings. DESIGN.md §2b fixes the service's contract variables; these are compatible extensions,
 * read from the environment when the module starts.
 */
export type UnknownChargerHandling = 'reject' | 'pending';

export interface OcppConfig {
  /** Heartbeat interval sent in an Accepted BootNotification response. */
  heartbeatIntervalSeconds: number;
  /** Retry interval sent with a Pending BootNotification response (B02.FR.08). */
  pendingRetrySeconds: number;
  /**
   * Charge point ids that are not registered have no site, hence no site policy: this global setting decides.
   * `pending` accepts the websocket and answers BootNotification with Pending until an admin registers the charger.
   */
  unknownChargers: UnknownChargerHandling;
  /** Raw message log retention; 0 disables the log. */
  messageLogRetentionHours: number;
  /** Meter samples and the message log are written in batches: whichever comes first. */
  flushIntervalMs: number;
  flushMaxRows: number;
  /** Time a command waits for the charger's answer. */
  commandTimeoutMs: number;
  /** Security profile 2: a TLS listener for wss:// when both files are set. */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /** Port of the TLS listener (the plain endpoint stays on PORT). */
  tlsPort: number;
  /**
   * Largest websocket message a charger may send (bytes, after decompression). A larger one is cut off while it is
   * received and the connection closed with 1009 (RFC 6455 §7.4.1), so it never sits whole in memory.
   */
  maxFrameBytes: number;
  /**
   * Failed authentications allowed per charge point id / per remote address before back-off (1 s, doubling to 60 s):
   * then the handshake is answered 429 without any password hashing. 0 turns the per-address limit off (e.g. behind a
   * proxy where all chargers share one address).
   */
  authFailuresPerCharger: number;
  authFailuresPerAddress: number;
}

export const OCPP_CONFIG = Symbol('OCPP_CONFIG');

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid configuration: ${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

export function loadOcppConfig(env: Env = process.env): OcppConfig {
  const unknown = env.APRON_OCPP_UNKNOWN_CHARGERS?.trim().toLowerCase() || 'reject';
  if (unknown !== 'reject' && unknown !== 'pending') {
    throw new Error(`Invalid configuration: APRON_OCPP_UNKNOWN_CHARGERS must be reject or pending, got "${unknown}"`);
  }
  const tlsCertFile = env.APRON_TLS_CERT?.trim() || undefined;
  const tlsKeyFile = env.APRON_TLS_KEY?.trim() || undefined;
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    throw new Error('Invalid configuration: APRON_TLS_CERT and APRON_TLS_KEY must be set together');
  }
  return {
    heartbeatIntervalSeconds: integer(env, 'APRON_OCPP_HEARTBEAT_SECONDS', 300, 1, 86400),
    pendingRetrySeconds: integer(env, 'APRON_OCPP_PENDING_RETRY_SECONDS', 60, 1, 86400),
    unknownChargers: unknown,
    messageLogRetentionHours: integer(env, 'APRON_OCPP_LOG_RETENTION_HOURS', 168, 0, 24 * 3650),
    flushIntervalMs: integer(env, 'APRON_OCPP_FLUSH_MS', 250, 10, 60000),
    flushMaxRows: integer(env, 'APRON_OCPP_FLUSH_ROWS', 1000, 1, 4000),
    commandTimeoutMs: integer(env, 'APRON_OCPP_COMMAND_TIMEOUT_MS', 30000, 100, 600000),
    tlsCertFile,
    tlsKeyFile,
    tlsPort: integer(env, 'APRON_TLS_PORT', 3443, 0, 65535),
    authFailuresPerCharger: integer(env, 'APRON_OCPP_AUTH_FAILURES_PER_CHARGER', 5, 1, 1000),
    authFailuresPerAddress: integer(env, 'APRON_OCPP_AUTH_FAILURES_PER_ADDRESS', 20, 0, 100000),
    maxFrameBytes: integer(env, 'APRON_OCPP_MAX_FRAME_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
  };
}
