/**
 * Transaction-related messages a charger keeps while offline and sends in order once it is back (1.6 §4.7 / OCPP-J,
 * 2.0.1 E04 offline transactions). Bounded: the oldest entries are dropped first, like a charger's full memory.
 */
export interface QueuedCall {
  action: string;
  /** Builds the payload when sent, so ids assigned while queued (1.6 transactionId) are filled in. */
  build: () => object;
  resolve: (value: unknown) => void;
}

export class OfflineQueue {
  private readonly items: QueuedCall[] = [];
  dropped = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: QueuedCall): void {
    this.items.push(item);
    while (this.items.length > this.capacity) {
      this.items.shift()?.resolve(undefined);
      this.dropped++;
    }
  }

  shift(): QueuedCall | undefined {
    return this.items.shift();
  }

  /** Puts an entry back at the front (the link dropped while sending it). */
  unshift(item: QueuedCall): void {
    this.items.unshift(item);
  }
}
