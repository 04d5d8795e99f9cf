import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Charger } from '../../chargers/charger.entity';
import { ChargersService } from '../../chargers/chargers.service';
import { CLOCK, Clock } from '../../common/clock';
import { SitesService } from '../../sites/sites.service';
import { OCPP_CONFIG, OcppConfig } from '../config/ocpp-config';
import { Admission } from './charger-connection';
import { BackoffPolicy, FailureBackoff } from './failure-backoff';

export const OCPP_PROTOCOLS = ['ocpp2.0.1', 'ocpp1.6'] as const;
export type OcppProtocol = (typeof OCPP_PROTOCOLS)[number];

export type HandshakeDecision =
  | {
      accept: true;
      protocol: OcppProtocol;
      admission: Admission;
      chargerId: string | null;
      siteId: string | null;
      /** Rated power per connector (W), 0 = the whole charger: bounds for meter plausibility. */
      connectorMaxW?: Record<number, number>;
    }
  | { accept: false; statusCode: number; message: string };

export interface HandshakeRequest {
  identity: string;
  endpoint: string;
  protocols: Set<string>;
  password?: Buffer;
  remoteAddress?: string;
}

// OCPP-J 2.0.1 §3.1.1 / 1.6 security whitepaper: the identity is at most 48 printable characters.
const IDENTITY = /^[\x21-\x7e]{1,48}$/;
const VERIFIED_CACHE_LIMIT = 50_000;
const BACKOFF: Omit<BackoffPolicy, 'maxFailures'> = {
  baseMs: 1000,
  maxMs: 60_000,
  forgetAfterMs: 15 * 60_000,
  maxKeys: 10_000,
};

/**
 * Security profile 1/2 admission at the websocket handshake (A00.FR.2xx; TC_A_01..03_CSMS): HTTP basic auth with
 * username = charge point id, checked against the charger's scrypt hash. Unknown ids follow APRON_OCPP_UNKNOWN_CHARGERS;
 * a registered charger without a password is let in (held Pending) only when its site's unknownChargerPolicy is
 * `pending`, else refused: an unauthenticated charger is never Accepted.
 */
@Injectable()
export class HandshakeAuth {
  /** Verified (stored hash, password) pairs: scrypt costs ~50 ms, and a reconnect storm of 10k chargers must not. */
  private readonly verified = new Set<string>();
  /** Failed (or not yet verified) password checks per charge point id, and failed handshakes per remote address. */
  private readonly byCharger: FailureBackoff;
  private readonly byAddress: FailureBackoff | null;

  constructor(
    private readonly chargers: ChargersService,
    private readonly sites: SitesService,
    @Inject(OCPP_CONFIG) private readonly config: OcppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.byCharger = new FailureBackoff({ ...BACKOFF, maxFailures: config.authFailuresPerCharger });
    this.byAddress =
      config.authFailuresPerAddress > 0
        ? new FailureBackoff({ ...BACKOFF, maxFailures: config.authFailuresPerAddress })
        : null;
  }

  async decide(request: HandshakeRequest): Promise<HandshakeDecision> {
    if (request.endpoint !== '/ocpp') return { accept: false, statusCode: 404, message: 'Not found' };
    if (!IDENTITY.test(request.identity)) return { accept: false, statusCode: 400, message: 'Invalid charge point id' };
    const protocol = OCPP_PROTOCOLS.find((candidate) => request.protocols.has(candidate));
    if (!protocol) return { accept: false, statusCode: 400, message: 'Supported subprotocols: ocpp2.0.1, ocpp1.6' };

    const nowMs = this.clock.now().getTime();
    const address = request.remoteAddress ?? '';
    const waitMs = Math.max(
      this.byCharger.blockedForMs(request.identity, nowMs),
      this.byAddress?.blockedForMs(address, nowMs) ?? 0,
    );
    if (waitMs > 0) return this.whileBlocked(request, protocol, waitMs);

    const charger = await this.chargers.findByChargePointId(request.identity);
    if (!charger) {
      if (this.config.unknownChargers === 'pending') {
        return { accept: true, protocol, admission: 'unknown-pending', chargerId: null, siteId: null };
      }
      // Guessing ids costs no hashing, but a database look-up each: counted against the address.
      this.byAddress?.failed(address, nowMs);
      // OCPP-J 1.6 §3.1: an unknown identity is answered 404.
      return { accept: false, statusCode: 404, message: 'Unknown charge point' };
    }
    const known = { chargerId: charger.id, siteId: charger.siteId, connectorMaxW: connectorMaxW(charger) };
    if (charger.passwordHash) {
      // Charged before the hash is checked, so parallel attempts cannot all slip in under the limit; a match refunds it.
      this.byCharger.failed(charger.chargePointId, nowMs);
      if (
        request.password &&
        (await this.passwordMatches(charger.chargePointId, charger.passwordHash, request.password))
      ) {
        this.byCharger.succeeded(charger.chargePointId);
        return { accept: true, protocol, admission: 'registered', ...known };
      }
      this.byAddress?.failed(address, nowMs);
      return { accept: false, statusCode: 401, message: 'Unauthorized' };
    }
    const site = await this.sites.get(charger.siteId).catch(() => null);
    if (site?.unknownChargerPolicy === 'pending') {
      return { accept: true, protocol, admission: 'no-password-pending', ...known };
    }
    return { accept: false, statusCode: 401, message: 'Unauthorized: the charger has no password configured' };
  }

  /**
   * Over the failure limit nothing is hashed: only a password verified before (the in-memory cache: one sha256, no
   * scrypt) still gets in, so a flood against a charger's id does not lock the real charger out. Everything else is
   * answered 429 at once.
   */
  private async whileBlocked(
    request: HandshakeRequest,
    protocol: OcppProtocol,
    waitMs: number,
  ): Promise<HandshakeDecision> {
    const charger = request.password ? await this.chargers.findByChargePointId(request.identity) : null;
    if (
      charger?.passwordHash &&
      request.password &&
      this.verified.has(verifiedKey(charger.passwordHash, request.password))
    ) {
      return {
        accept: true,
        protocol,
        admission: 'registered',
        chargerId: charger.id,
        siteId: charger.siteId,
        connectorMaxW: connectorMaxW(charger),
      };
    }
    const seconds = Math.ceil(waitMs / 1000);
    return { accept: false, statusCode: 429, message: `Too many failed authentications: retry in ${seconds} s` };
  }

  private async passwordMatches(chargePointId: string, storedHash: string, password: Buffer): Promise<boolean> {
    const key = verifiedKey(storedHash, password);
    if (this.verified.has(key)) return true;
    const ok = await this.chargers.verifyPassword(chargePointId, password.toString('utf8'));
    if (ok) {
      if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
      this.verified.add(key);
    }
    return ok;
  }
}

function verifiedKey(storedHash: string, password: Buffer): string {
  return createHash('sha256').update(storedHash).update('\u0000').update(password).digest('base64');
}

function connectorMaxW(charger: Charger): Record<number, number> {
  const limits: Record<number, number> = { 0: charger.maxKw * 1000 };
  for (const connector of charger.connectors ?? []) limits[connector.connectorId] = connector.maxKw * 1000;
  return limits;
}
