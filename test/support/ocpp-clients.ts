import { RPCClient } from 'ocpp-rpc';
import { aCharger, aSite } from './fixtures';
import { TestApp } from './test-app';

export type TestRpcClient = InstanceType<typeof RPCClient>;
export type TestProtocol = 'ocpp1.6' | 'ocpp2.0.1';

export const CHARGER_PASSWORD = 'correct-horse-battery-staple';

/** A raw OCPP client on loopback (no reconnect; strict mode off so tests can send what a bad charger sends). */
export function ocppClient(
  app: TestApp,
  identity: string,
  protocol: TestProtocol | TestProtocol[],
  password: string | null = CHARGER_PASSWORD,
): TestRpcClient {
  const options = {
    identity,
    endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
    protocols: Array.isArray(protocol) ? protocol : [protocol],
    password,
    strictMode: false,
    reconnect: false,
    callConcurrency: 1,
    callTimeoutMs: 10_000,
  };
  return new RPCClient(options as unknown as ConstructorParameters<typeof RPCClient>[0]);
}

/** Connects; resolves to the HTTP status of a refused handshake, or 101 when connected. */
export async function connectStatus(client: TestRpcClient): Promise<number> {
  try {
    await client.connect();
    return 101;
  } catch (error) {
    const status = (error as { response?: { statusCode?: number } }).response?.statusCode;
    if (status === undefined) throw error;
    return status;
  }
}

/** A site and a charger registered through the admin API; returns their ids. */
export async function registerCharger(
  app: TestApp,
  token: string,
  chargePointId: string,
  options: { site?: Record<string, unknown>; charger?: Record<string, unknown>; siteId?: string } = {},
): Promise<{ siteId: string; chargerId: string }> {
  let siteId = options.siteId;
  if (!siteId) {
    const site = await app
      .http(token)
      .post('/api/v1/sites')
      .send(aSite({ code: `SITE-${chargePointId}`, ...options.site }));
    if (site.status !== 201) throw new Error(`site: ${JSON.stringify(site.body)}`);
    siteId = site.body.id as string;
  }
  const charger = await app
    .http(token)
    .post('/api/v1/chargers')
    .send(aCharger(siteId, { chargePointId, password: CHARGER_PASSWORD, ...options.charger }));
  if (charger.status !== 201) throw new Error(`charger: ${JSON.stringify(charger.body)}`);
  return { siteId, chargerId: charger.body.id as string };
}

export const BOOT_16 = { chargePointVendor: 'Apron', chargePointModel: 'TestCharger' };
export const BOOT_201 = { reason: 'PowerUp', chargingStation: { vendorName: 'Apron', model: 'TestStation' } };

/** Polls until `check` passes (batched writes land within the flush interval). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
