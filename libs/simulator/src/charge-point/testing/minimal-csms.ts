/**
 * A minimal OCPP central system for tests of the virtual charge point: an ocpp-rpc RPCServer on loopback (port 0),
 * strict mode for ocpp1.6 and ocpp2.0.1, basic-auth passwords, canned answers, and a log of every received call.
 */
import { AddressInfo } from 'node:net';
import { RPCServer } from 'ocpp-rpc';

export interface ReceivedCall {
  identity: string;
  protocol: string;
  method: string;
  params: Record<string, unknown>;
}

type ServerClient = {
  identity: string;
  protocol: string;
  handle(handler: (call: { method: string; params: Record<string, unknown> }) => Promise<unknown>): void;
  call(method: string, params: unknown): Promise<unknown>;
  close(options?: { code?: number; force?: boolean }): Promise<unknown>;
};

export class MinimalCsms {
  readonly received: ReceivedCall[] = [];
  readonly strictFailures: unknown[] = [];
  readonly clients = new Map<string, ServerClient>();
  /** Per-identity password; identities not listed are rejected with 401. */
  readonly passwords = new Map<string, string>();
  bootStatus: 'Accepted' | 'Pending' | 'Rejected' = 'Accepted';
  bootIntervalSeconds = 300;
  authorizeStatus: 'Accepted' | 'Invalid' = 'Accepted';
  private nextTransactionId = 1;
  private port = 0;

  private constructor(private readonly server: InstanceType<typeof RPCServer>) {}

  static async start(): Promise<MinimalCsms> {
    const server = new RPCServer({ protocols: ['ocpp1.6', 'ocpp2.0.1'], strictMode: true, callConcurrency: 1 });
    const csms = new MinimalCsms(server);
    server.auth((accept, reject, handshake) => {
      const expected = csms.passwords.get(handshake.identity);
      if (expected === undefined || handshake.password?.toString('utf8') !== expected)
        return reject(401, 'Unauthorized');
      accept({});
    });
    server.on('client', (client: ServerClient) => csms.attach(client));
    const http = await server.listen(0, '127.0.0.1');
    csms.port = (http.address() as AddressInfo).port;
    return csms;
  }

  get endpoint(): string {
    return `ws://127.0.0.1:${this.port}/ocpp`;
  }

  calls(identity: string, method?: string): ReceivedCall[] {
    return this.received.filter((c) => c.identity === identity && (method === undefined || c.method === method));
  }

  /** Resolves when `predicate` holds, polling every few ms; rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async call(identity: string, method: string, params: unknown): Promise<unknown> {
    const client = this.clients.get(identity);
    if (!client) throw new Error(`${identity} is not connected`);
    return client.call(method, params);
  }

  async close(): Promise<void> {
    await this.server.close({ force: true });
  }

  private attach(client: ServerClient): void {
    this.clients.set(client.identity, client);
    (client as unknown as NodeJS.EventEmitter).on('strictValidationFailure', (e: unknown) =>
      this.strictFailures.push(e),
    );
    client.handle(async ({ method, params }) => {
      this.received.push({ identity: client.identity, protocol: client.protocol, method, params });
      return this.answer(client.protocol, method, params);
    });
  }

  private answer(protocol: string, method: string, params: Record<string, unknown>): unknown {
    const currentTime = new Date().toISOString();
    const v16 = protocol === 'ocpp1.6';
    switch (method) {
      case 'BootNotification':
        return { status: this.bootStatus, currentTime, interval: this.bootIntervalSeconds };
      case 'Heartbeat':
        return { currentTime };
      case 'Authorize':
        return v16
          ? { idTagInfo: { status: this.authorizeStatus } }
          : { idTokenInfo: { status: this.authorizeStatus } };
      case 'StartTransaction': {
        // A retried StartTransaction (same connector, idTag and timestamp) gets the id it got before.
        const previous = this.received.find(
          (c) =>
            c.method === 'StartTransaction' &&
            c.params !== params &&
            JSON.stringify(c.params) === JSON.stringify(params) &&
            (c as ReceivedCall & { transactionId?: number }).transactionId !== undefined,
        ) as (ReceivedCall & { transactionId?: number }) | undefined;
        const transactionId = previous?.transactionId ?? this.nextTransactionId++;
        (this.received[this.received.length - 1] as ReceivedCall & { transactionId?: number }).transactionId =
          transactionId;
        return { transactionId, idTagInfo: { status: this.authorizeStatus } };
      }
      case 'StopTransaction':
        return { idTagInfo: { status: 'Accepted' } };
      case 'DataTransfer':
      case 'NotifyEVChargingNeeds':
        return { status: 'Accepted' };
      case 'TransactionEvent':
        // E05: an idToken in the event is answered with its authorization.
        return params.idToken ? { idTokenInfo: { status: this.authorizeStatus } } : {};
      default:
        return {};
    }
  }
}
