import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { ChargerCredentialEvent, ChargerCredentialEvents } from '../../chargers/charger-credential-events';
import { ConnectionRegistry } from './connection-registry';

/** RFC 6455 §7.4.1: 1008, the endpoint terminates the connection because a message violates its policy. */
const POLICY_VIOLATION = 1008;

/**
 * A charger deleted through the API, or whose password or identity changed, loses its connection at once: its
 * admission was decided on credentials that no longer hold. The next handshake is checked against the stored hash
 * (the verified-password cache is keyed on the hash, so an old password costs a full check and gets 401).
 */
@Injectable()
export class CredentialRevocation implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('OcppConnections');
  private subscription?: Subscription;

  constructor(
    private readonly credentialEvents: ChargerCredentialEvents,
    private readonly registry: ConnectionRegistry,
  ) {}

  onModuleInit(): void {
    this.subscription = this.credentialEvents.events$.subscribe((event) => this.revoke(event));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private revoke({ chargePointId, change }: ChargerCredentialEvent): void {
    const connection = this.registry.get(chargePointId);
    if (!connection) return;
    // Requests still queued on the connection are refused from here on (message-router.ts), not only after the close.
    connection.revoked = true;
    this.logger.warn(`${chargePointId}: closing its connection (${change})`);
    void connection.client
      .close({ code: POLICY_VIOLATION, reason: `Credentials revoked: ${change}`, awaitPending: false })
      .catch(() => undefined);
  }
}
