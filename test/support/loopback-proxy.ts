import { AddressInfo, createConnection, createServer, Server, Socket } from 'node:net';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * A TCP relay on a fixed loopback port in front of the service, so virtual chargers keep one endpoint while the
 * service restarts on a new port: while it points nowhere, connections are refused (closed) and chargers retry.
 */
export class LoopbackProxy {
  private targetPort?: number;
  private readonly sockets = new Set<Socket>();
  /** While hanging: connections stay open and nothing passes, as with a database host that stopped answering. */
  private hanging = false;
  private readonly waiting: Socket[] = [];
  private readonly pairs = new Set<[Socket, Socket]>();

  private constructor(private readonly server: Server) {
    server.on('connection', (client) => this.relay(client));
  }

  static async start(): Promise<LoopbackProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new LoopbackProxy(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** ws://127.0.0.1:PORT/ocpp through the relay. */
  get ocppEndpoint(): string {
    return `ws://127.0.0.1:${this.port}/ocpp`;
  }

  /** Relays new connections to this port; undefined refuses them and drops the open ones. */
  pointAt(port: number | undefined): void {
    this.targetPort = port;
    if (port === undefined) for (const socket of this.sockets) socket.destroy();
  }

  /** Holds every byte in both directions, and new connections unanswered, until `resume()`. */
  hang(): void {
    this.hanging = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  resume(): void {
    if (!this.hanging) return;
    this.hanging = false;
    for (const [client, upstream] of this.pairs) {
      client.pipe(upstream);
      upstream.pipe(client);
    }
    for (const client of this.waiting.splice(0)) if (!client.destroyed) this.relay(client);
  }

  async close(): Promise<void> {
    this.resume();
    this.pointAt(undefined);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    if (this.targetPort === undefined) return void client.destroy();
    if (this.hanging) {
      this.waiting.push(client);
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: this.targetPort });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on('error', () => socket.destroy());
    }
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    client.on('close', () => this.pairs.delete(pair));
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

/** A test database reached through a relay, so a test can cut it or make it hang under a running service. */
export async function databaseBehindProxy(): Promise<{
  database: TestDatabase;
  proxy: LoopbackProxy;
  databasePort: number;
  url: string;
}> {
  const database = await createTestDatabase();
  const proxy = await LoopbackProxy.start();
  const url = new URL(database.url);
  const databasePort = Number(url.port || 5432);
  proxy.pointAt(databasePort);
  url.port = String(proxy.port);
  return { database, proxy, databasePort, url: url.toString() };
}
