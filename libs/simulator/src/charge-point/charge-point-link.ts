/**
 * The charge point's connection to the CSMS: the ocpp-rpc client plus the offline queue. Calls made while offline or
 * before the BootNotification was accepted are dropped, except transaction messages, which wait in order.
 */
import { OfflineQueue } from './offline-queue';
import { createRpcClient, RpcClient, RpcClientSettings } from './rpc-client.factory';

const OPEN = 1;

export class ChargePointLink {
  readonly client: RpcClient;
  /** Set once the CSMS accepted the BootNotification (B02/B03: nothing else is sent before). */
  registered = false;
  private readonly queue: OfflineQueue;

  constructor(
    settings: RpcClientSettings,
    maxOfflineQueue: number,
    private readonly onCallError: (action: string, error: unknown) => void,
  ) {
    this.client = createRpcClient(settings);
    this.queue = new OfflineQueue(maxOfflineQueue);
  }

  get online(): boolean {
    return this.client.state === OPEN;
  }

  get queued(): number {
    return this.queue.size;
  }

  async call<T>(action: string, build: () => object, transactional = false): Promise<T | undefined> {
    if (!this.online || !(this.registered || action === 'BootNotification')) {
      if (!transactional) return undefined;
      return new Promise<T | undefined>((resolve) =>
        this.queue.push({ action, build, resolve: resolve as (v: unknown) => void }),
      );
    }
    try {
      return (await this.client.call(action, build())) as T;
    } catch (error) {
      // A real charger logs a CALLERROR or timeout and carries on.
      this.onCallError(action, error);
      return undefined;
    }
  }

  /** Sends what was queued, in order, while the link stays up. */
  async flush(): Promise<void> {
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      if (!this.online) {
        this.queue.unshift(item);
        return;
      }
      item.resolve(await this.call(item.action, item.build));
      // Let the sender see the answer (e.g. the 1.6 transactionId) before the next queued payload is built.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
