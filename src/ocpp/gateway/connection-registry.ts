import { Injectable, Logger } from '@nestjs/common';
import { ChargerConnection } from './charger-connection';

/** The live connection of each charge point id on this instance; a new connection replaces the old one. */
@Injectable()
export class ConnectionRegistry {
  private readonly logger = new Logger('OcppConnections');
  private readonly connections = new Map<string, ChargerConnection>();

  get(chargePointId: string): ChargerConnection | undefined {
    return this.connections.get(chargePointId);
  }

  /** Registers `connection`, closing the one it replaces (the old close then finds itself no longer current). */
  add(connection: ChargerConnection): void {
    const previous = this.connections.get(connection.chargePointId);
    this.connections.set(connection.chargePointId, connection);
    if (previous && previous !== connection) {
      this.logger.warn(`${connection.chargePointId} connected again: closing its previous connection`);
      void previous.client.close({ code: 1000, reason: 'Replaced by a new connection' }).catch(() => undefined);
    }
  }

  /** Removes the connection if it is still the current one; false when a newer one replaced it. */
  remove(connection: ChargerConnection): boolean {
    if (this.connections.get(connection.chargePointId) !== connection) return false;
    this.connections.delete(connection.chargePointId);
    return true;
  }

  all(): ChargerConnection[] {
    return [...this.connections.values()];
  }

  get size(): number {
    return this.connections.size;
  }
}
