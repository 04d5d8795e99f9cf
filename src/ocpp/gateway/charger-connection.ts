import { OcppVersion } from '@apron/ocpp-model';
import { RPCClient } from 'ocpp-rpc';

export type RpcServerClient = InstanceType<typeof RPCClient>;
export type BootStatus = 'Accepted' | 'Pending' | 'Rejected';

/** How the charger was let in at the handshake (ocpp-auth.ts). */
export type Admission = 'registered' | 'unknown-pending' | 'no-password-pending';

const OPEN = 1;

/**
 * One live websocket of a charger. Requests from the charger are handled one after the other (serial), so a retry can
 * never race its original, and stored state follows the charger's message order.
 */
export class ChargerConnection {
  private queue: Promise<unknown> = Promise.resolve();
  /** Messages the CSMS asked for with TriggerMessage: allowed once before the boot is Accepted (B02.FR.02). */
  private readonly triggered = new Set<string>();
  lastSeenAt: Date;
  /** The charger was deleted or its credentials changed: nothing more is accepted from this socket. */
  revoked = false;
  /** Rated power per connector (W) as registered when it connected; 0 = the whole charger. */
  connectorMaxW: Record<number, number> = {};

  constructor(
    readonly chargePointId: string,
    readonly version: OcppVersion,
    readonly client: RpcServerClient,
    readonly chargerId: string | null,
    readonly siteId: string | null,
    readonly admission: Admission,
    public bootStatus: BootStatus | null,
    readonly connectedAt: Date,
  ) {
    this.lastSeenAt = connectedAt;
  }

  get open(): boolean {
    return this.client.state === OPEN;
  }

  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  allowTriggered(action: string): void {
    this.triggered.add(action);
  }

  consumeTriggered(action: string): boolean {
    return this.triggered.delete(action);
  }
}
