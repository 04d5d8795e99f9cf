/**
 * `npm run bench -- ocpp [--chargers 1000,5000,10000] [--seconds 10] [--rates 1000,max] [--service gateway-only,whole]`: the OCPP gateway under load
 * on loopback. Per charger count: a fresh service (compiled, child process, fresh database on DATABASE_URL or the local
 * PostgreSQL server), N 1.6 chargers connect and boot, each starts a transaction, then MeterValues run at each rate for a
 * fixed time. One JSON line per (chargers, rate): connections/s, answered and persisted MeterValues/s, p50/p99
 * round trip, server RSS. Bounded in count and time; stops by itself.
 */
import { loadavg } from 'node:os';
import { ChargerFleet } from './ocpp/charger-fleet';
import {
  BENCH_PASSWORD,
  build,
  countRows,
  GATEWAY_ONLY_ENTRY,
  seedChargers,
  startBenchServer,
} from './ocpp/bench-server';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const MAX_CHARGERS = 10_000;
const MAX_SECONDS = 60;

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
}

async function waitForPersisted(count: () => Promise<number>, expected: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let rows = await count();
  while (rows < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    rows = await count();
  }
  return rows;
}

async function benchChargers(
  serverUrl: string,
  service: 'whole' | 'gateway-only',
  chargers: number,
  seconds: number,
  rates: (number | 'max')[],
) {
  // BENCH_PROFILE_DIR=dir writes a CPU profile of the service there; BENCH_NODE_ARGS adds V8 flags to the service.
  const profile = process.env.BENCH_PROFILE_DIR;
  const nodeArgs = [
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const env = { APRON_OCPP_LOG_RETENTION_HOURS: '24', APRON_TICK_SECONDS: '3600' };
  const entry = service === 'gateway-only' ? GATEWAY_ONLY_ENTRY : undefined;
  const server = await startBenchServer(serverUrl, env, nodeArgs, entry);
  const fleet = new ChargerFleet(`ws://127.0.0.1:${server.port}/ocpp`, BENCH_PASSWORD);
  try {
    const identities = Array.from({ length: chargers }, (_, i) => `BENCH-${String(i).padStart(5, '0')}`);
    await seedChargers(server, identities);
    const connected = await fleet.connect(identities);
    await fleet.startTransactions();
    let persistedBefore = await countRows(server, 'ocpp_meter_samples');
    for (const rate of rates) {
      const result = await fleet.load(rate, seconds);
      const persisted =
        (await waitForPersisted(() => countRows(server, 'ocpp_meter_samples'), persistedBefore + result.answered)) -
        persistedBefore;
      persistedBefore += persisted;
      console.log(
        JSON.stringify({
          group: 'ocpp',
          service,
          chargers,
          connected: connected.connected,
          connectFailed: connected.failed,
          connectionsPerSecond: connected.perSecond,
          ...result,
          meterValuesPersisted: persisted,
          meterValuesPersistedPerSecond: Math.round(persisted / result.seconds),
          serverRssMb: server.rssMb(),
          // Other processes share the two cores: the 1-minute load average says how much.
          loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
        }),
      );
    }
  } finally {
    await fleet.close();
    await server.stop();
  }
}

export async function run(args: string[]): Promise<void> {
  const chargerCounts = option(args, 'chargers', '1000,5000,10000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0 && n <= MAX_CHARGERS);
  const seconds = Math.min(MAX_SECONDS, Number(option(args, 'seconds', '10')));
  const rates = option(args, 'rates', '1000,max')
    .split(',')
    .map((r) => (r === 'max' ? ('max' as const) : Number(r)));
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_SERVER;
  build();
  const services = option(args, 'service', 'gateway-only,whole').split(',') as ('whole' | 'gateway-only')[];
  for (const service of services) {
    for (const chargers of chargerCounts) await benchChargers(serverUrl, service, chargers, seconds, rates);
  }
}
