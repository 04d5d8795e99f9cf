import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { IncomingMessage, Server } from 'node:http';
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https';
import { Duplex } from 'node:stream';
import { RPCServer } from 'ocpp-rpc';
import { CLOCK, Clock } from '../../common/clock';
import { APP_CONFIG } from '../../config/config.module';
import { AppConfig } from '../../config/app-config';
import { OCPP_CONFIG, OcppConfig } from '../config/ocpp-config';
import { ChargerStateRepository } from '../persistence/charger-state.repository';
import { RpcServerClient } from './charger-connection';
import { ConnectionLifecycle } from './connection-lifecycle';
import { ConnectionRegistry } from './connection-registry';
import { HandshakeAuth, OCPP_PROTOCOLS } from './handshake-auth';
import { strictValidators } from './strict-validators';

const OCPP_PATH = '/ocpp/';
const CLOSE_GRACE_MS = 2000;

/**
 * ws://HOST:PORT/ocpp/{chargePointId} on Nest's own HTTP server (and wss:// on APRON_TLS_PORT when a certificate is
 * configured, security profile 2). Other upgrade paths are refused.
 */
@Injectable()
export class OcppGateway implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OcppGateway');
  private server?: InstanceType<typeof RPCServer>;
  private httpServer?: Server;
  private tlsServer?: HttpsServer;
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) =>
    this.upgrade(request, socket, head);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: HandshakeAuth,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly registry: ConnectionRegistry,
    private readonly chargerState: ChargerStateRepository,
    @Inject(OCPP_CONFIG) private readonly config: OcppConfig,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.chargerState.allOffline(this.clock.now());
    const server = new RPCServer({
      protocols: [...OCPP_PROTOCOLS],
      // Both versions' schemas; never ocpp2.1, whose strict schemas are broken in ocpp-rpc 2.2.1 (FACTS.md).
      strictMode: true,
      strictModeValidators: strictValidators(),
      callConcurrency: 1,
      callTimeoutMs: this.config.commandTimeoutMs,
      // Dead sockets are found by ping; a charger that talks anyway needs none (10k chargers would mean 333 pings/s).
      pingIntervalMs: 30_000,
      deferPingsOnActivity: true,
      // OCPP-J sets no frame size for the CSMS; RFC 6455 §7.4.1 has 1009 (message too big) for one we will not take.
      // ws stops reading such a frame at its header, so a 32 MB frame costs no 32 MB.
      wssOptions: { maxPayload: this.config.maxFrameBytes },
    });
    server.auth(async (accept, reject, handshake) => {
      try {
        const decision = await this.auth.decide(handshake);
        if (decision.accept) {
          const { admission, chargerId, siteId, connectorMaxW } = decision;
          accept({ admission, chargerId, siteId, connectorMaxW }, decision.protocol);
        } else {
          reject(decision.statusCode, decision.message);
        }
      } catch (error) {
        this.logger.error(`handshake of ${handshake.identity} failed: ${(error as Error).message}`);
        reject(500, 'Internal error');
      }
    });
    server.on('client', (client: RpcServerClient) => this.lifecycle.attach(client as never));
    server.on('error', (error: Error) => this.logger.error(`websocket server: ${error.message}`));
    this.server = server;
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
    await this.startTls();
  }

  /** The TLS listener's port (0 in the config picks a free one), for tests and logs. */
  get tlsPort(): number | undefined {
    const address = this.tlsServer?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.server || !(request.url ?? '').startsWith(OCPP_PATH)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    void this.server.handleUpgrade(request, socket as never, head);
  }

  private async startTls(): Promise<void> {
    if (!this.config.tlsCertFile || !this.config.tlsKeyFile) return;
    const tls = createHttpsServer({
      cert: readFileSync(this.config.tlsCertFile),
      key: readFileSync(this.config.tlsKeyFile),
      // A00.FR.3xx: TLS 1.2 or higher.
      minVersion: 'TLSv1.2',
    });
    tls.on('request', (_request, response) => response.writeHead(404).end());
    tls.on('upgrade', this.onUpgrade);
    await new Promise<void>((resolve, reject) => {
      tls.once('error', reject);
      tls.listen(this.config.tlsPort, this.appConfig.host, () => resolve());
    });
    this.tlsServer = tls;
    this.logger.log(`OCPP over TLS (security profile 2) on wss://${this.appConfig.host}:${this.tlsPort}/ocpp/{id}`);
  }

  /** Before the HTTP server closes: it would otherwise wait for the upgraded sockets. */
  async onModuleDestroy(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    const closing = this.registry
      .all()
      .map((connection) => connection.client.close({ code: 1001, reason: 'Server shutting down' }));
    await Promise.race([
      Promise.allSettled(closing),
      new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
    ]);
    await this.server?.close({ code: 1001, force: true });
    if (this.tlsServer) await new Promise<void>((resolve) => this.tlsServer?.close(() => resolve()));
  }
}
