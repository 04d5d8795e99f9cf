/**
 * Shared set-up for loopback tests of the virtual charge point: one MinimalCsms per test file, charge points on
 * manual clocks, torn down after each test, and the received calls mapped onto ocpp-model events.
 */
import { map16, map201, MeterSampleEvent, OcppEvent } from '@apron/ocpp-model';
import { ManualClock } from '../clock';
import { OcppProtocol } from '../rpc-client.factory';
import { VirtualChargePoint } from '../virtual-charge-point';
import { VirtualChargePointOptions } from '../virtual-charge-point.options';
import { MinimalCsms } from './minimal-csms';

export interface TestBench {
  readonly csms: MinimalCsms;
  chargePoint(
    protocol: OcppProtocol,
    over?: Partial<VirtualChargePointOptions>,
  ): { cp: VirtualChargePoint; clock: ManualClock; identity: string };
  events(identity: string): OcppEvent[];
  samples(identity: string): MeterSampleEvent[];
  /** strictValidationFailure events raised by the charge points' own ocpp-rpc clients (should stay empty). */
  readonly chargePointStrictFailures: unknown[];
}

/** Registers beforeAll/afterEach/afterAll hooks in the calling test file. */
export function useTestBench(prefix: string): TestBench {
  const password = `pw-${prefix}`;
  let csms: MinimalCsms | undefined;
  let chargePoints: VirtualChargePoint[] = [];
  let seq = 0;

  beforeAll(async () => {
    csms = await MinimalCsms.start();
  });
  afterEach(async () => {
    await Promise.all(chargePoints.map((cp) => cp.stop()));
    chargePoints = [];
    if (csms) Object.assign(csms, { bootStatus: 'Accepted', bootIntervalSeconds: 300, authorizeStatus: 'Accepted' });
    csms?.strictFailures.splice(0);
    bench.chargePointStrictFailures.splice(0);
  });
  afterAll(async () => {
    await csms?.close();
  });

  const bench: TestBench = {
    chargePointStrictFailures: [],
    get csms() {
      if (!csms) throw new Error('the test bench starts in beforeAll');
      return csms;
    },
    chargePoint(protocol, over = {}) {
      const identity = `${prefix}-${protocol.replace(/\W/g, '')}-${++seq}`;
      bench.csms.passwords.set(identity, password);
      const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
      const cp = new VirtualChargePoint({
        identity,
        endpoint: bench.csms.endpoint,
        protocol,
        password,
        clock,
        meterIntervalSeconds: 60,
        ...over,
      });
      cp.on('strictValidationFailure', (e) => bench.chargePointStrictFailures.push(e));
      chargePoints.push(cp);
      return { cp, clock, identity };
    },
    events(identity) {
      return bench.csms
        .calls(identity)
        .flatMap((c) => (c.protocol === 'ocpp1.6' ? map16(c.method, c.params) : map201(c.method, c.params)));
    },
    samples(identity) {
      return bench.events(identity).filter((e): e is MeterSampleEvent => e.type === 'meter.sample');
    },
  };
  return bench;
}
