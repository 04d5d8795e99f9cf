/** N raw OCPP 1.6 chargers on loopback for the bench: connect + boot, one transaction each, MeterValues at a rate. */
import { RPCClient } from 'ocpp-rpc';
import { performance } from 'node:perf_hooks';

type Client = InstanceType<typeof RPCClient>;

interface BenchCharger {
  client: Client;
  transactionId: number;
  registerWh: number;
  busy: boolean;
}

export interface LoadResult {
  targetPerSecond: number | 'max';
  seconds: number;
  sent: number;
  answered: number;
  failed: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export class ChargerFleet {
  private readonly chargers: BenchCharger[] = [];

  constructor(
    private readonly endpoint: string,
    private readonly password: string,
  ) {}

  get size(): number {
    return this.chargers.length;
  }

  /** Connects and boots all identities, `concurrency` handshakes at a time; returns connections per second. */
  async connect(
    identities: string[],
    concurrency = 200,
  ): Promise<{ connected: number; failed: number; perSecond: number }> {
    const started = performance.now();
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < identities.length) {
        const identity = identities[next++];
        const client = new RPCClient({
          identity,
          endpoint: this.endpoint,
          protocols: ['ocpp1.6'],
          password: this.password,
          strictMode: false,
          reconnect: false,
          callConcurrency: 1,
          callTimeoutMs: 30_000,
          pingIntervalMs: 300_000,
        } as unknown as ConstructorParameters<typeof RPCClient>[0]);
        // Commands the service sends on its own (safe default limit, SoC reporting) are simply accepted.
        client.handle(async () => ({ status: 'Accepted' }));
        try {
          await client.connect();
          await client.call('BootNotification', { chargePointVendor: 'Bench', chargePointModel: 'Load' });
          this.chargers.push({ client, transactionId: 0, registerWh: 0, busy: false });
        } catch {
          failed++;
          await client.close({ force: true }).catch(() => undefined);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    return { connected: this.chargers.length, failed, perSecond: round(this.chargers.length / seconds, 1) };
  }

  async startTransactions(concurrency = 200): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < this.chargers.length) {
        const charger = this.chargers[next++];
        const answer = (await charger.client.call('StartTransaction', {
          connectorId: 1,
          idTag: 'BENCH',
          meterStart: 0,
          timestamp: new Date().toISOString(),
        })) as { transactionId: number };
        charger.transactionId = answer.transactionId;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /**
   * MeterValues (energy register, power, SoC) for `seconds`: at `perSecond` spread over idle chargers, or as fast as
   * every charger can go with one call in flight each ('max').
   */
  async load(perSecond: number | 'max', seconds: number): Promise<LoadResult> {
    const latencies: number[] = [];
    let sent = 0;
    let failed = 0;
    let cursor = 0;
    const started = performance.now();
    const endAt = started + seconds * 1000;
    const inFlight = new Set<Promise<void>>();

    const send = (charger: BenchCharger) => {
      charger.busy = true;
      charger.registerWh += 250;
      sent++;
      const t0 = performance.now();
      const call = charger.client
        .call('MeterValues', {
          connectorId: 1,
          transactionId: charger.transactionId,
          meterValue: [
            {
              timestamp: new Date().toISOString(),
              sampledValue: [
                { value: String(charger.registerWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
                { value: '11000', measurand: 'Power.Active.Import', unit: 'W' },
                { value: '55', measurand: 'SoC', unit: 'Percent' },
              ],
            },
          ],
        })
        .then(
          () => {
            latencies.push(performance.now() - t0);
          },
          () => {
            failed++;
          },
        )
        .finally(() => {
          charger.busy = false;
          inFlight.delete(call);
        });
      inFlight.add(call);
    };

    const idle = (): BenchCharger | undefined => {
      for (let i = 0; i < this.chargers.length; i++) {
        const charger = this.chargers[cursor];
        cursor = (cursor + 1) % this.chargers.length;
        if (!charger.busy) return charger;
      }
      return undefined;
    };

    while (performance.now() < endAt) {
      const elapsedSeconds = (performance.now() - started) / 1000;
      const due = perSecond === 'max' ? this.chargers.length : Math.floor(perSecond * elapsedSeconds) - sent;
      for (let i = 0; i < due; i++) {
        const charger = idle();
        if (!charger) break;
        send(charger);
      }
      await new Promise((resolve) => setTimeout(resolve, perSecond === 'max' ? 1 : 5));
    }
    await Promise.allSettled([...inFlight]);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      targetPerSecond: perSecond,
      seconds: round(elapsed, 1),
      sent,
      answered: latencies.length,
      failed,
      perSecond: round(latencies.length / elapsed, 0),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies[latencies.length - 1] ?? 0),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.chargers.map((c) => c.client.close({ force: true }).catch(() => undefined)));
    this.chargers.length = 0;
  }
}
