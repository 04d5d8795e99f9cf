import { AddressInfo, createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay on a fixed loopback port in front of the service, so virtual chargers keep one endpoint while the
 * service restarts on a new port: while it points nowhere, connections are refused (closed) and chargers retry.
 */
export class LoopbackProxy {
  private targetPort?: number;
  private readonly sockets = new Set<Socket>();

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

  async close(): Promise<void> {
    this.pointAt(undefined);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    if (this.targetPort === undefined) return void client.destroy();
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
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
