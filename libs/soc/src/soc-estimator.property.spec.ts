import fc from 'fast-check';
import { SOC_ESTIMATOR_DEFAULTS, SocEstimatorOptions } from './soc-config';
import { SocEstimator } from './soc-estimator';
import { SocInputEvent } from './soc-types';
import { atMinute, chargerSoc, delivered } from './testing/soc-fixtures';

const RUNS = { numRuns: 60 };
const OPTIONS: SocEstimatorOptions = { batteryKwh: 280, chargeEfficiency: 0.93, idleDrainKwhPerHour: 1.5 };

/** Events on whole minutes 0–600, each with a unique id so none is a duplicate of another. */
const eventsArbitrary = (kinds: SocInputEvent['kind'][] = ['reading', 'energy-delivered', 'task']) =>
  fc
    .array(
      fc.oneof(
        ...[
          fc.record({
            kind: fc.constant('reading' as const),
            source: fc.constantFrom('charger' as const, 'telematics' as const),
            atMs: fc.integer({ min: 0, max: 600 }).map(atMinute),
            socPercent: fc.double({ min: 0, max: 100, noNaN: true }),
          }),
          fc.record({
            kind: fc.constant('energy-delivered' as const),
            atMs: fc.integer({ min: 0, max: 600 }).map(atMinute),
            energyKwh: fc.double({ min: 0, max: 60, noNaN: true }),
          }),
          fc
            .record({
              start: fc.integer({ min: 0, max: 600 }),
              minutes: fc.integer({ min: 0, max: 90 }),
              energyKwh: fc.double({ min: 0, max: 40, noNaN: true }),
            })
            .map(({ start, minutes, energyKwh }) => ({
              kind: 'task' as const,
              startMs: atMinute(start),
              endMs: atMinute(start + minutes),
              energyKwh,
            })),
        ].filter((_, index) => kinds.includes((['reading', 'energy-delivered', 'task'] as const)[index])),
      ),
      { maxLength: 40 },
    )
    .map((events) => events.map((event, index): SocInputEvent => ({ ...event, id: `e${index}` })));

const withShuffle = (events: fc.Arbitrary<SocInputEvent[]>) =>
  events.chain((list) =>
    fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
  );

const queryMinutes = [0, 45, 150, 300.5, 451, 600, 720];

function feed(events: SocInputEvent[], options: SocEstimatorOptions = OPTIONS): SocEstimator {
  const estimator = new SocEstimator(options);
  estimator.addAll(events);
  return estimator;
}

describe('SocEstimator properties', () => {
  it('gives exactly the same answers whatever order the events arrive in', () => {
    fc.assert(
      fc.property(withShuffle(eventsArbitrary()), ([inOrder, shuffled]) => {
        const a = feed([...inOrder].sort((x, y) => eventTime(x) - eventTime(y)));
        const b = feed(shuffled);
        for (const minute of queryMinutes)
          expect(b.estimateAt(atMinute(minute))).toStrictEqual(a.estimateAt(atMinute(minute)));
        expect(b.toJSON()).toStrictEqual(a.toJSON());
      }),
      RUNS,
    );
  });

  it('follows a reading that contradicts the model by more than the disagreement threshold', () => {
    fc.assert(
      fc.property(eventsArbitrary(), fc.integer({ min: 0, max: 700 }), (events, minute) => {
        const estimator = feed(events);
        const atMs = atMinute(minute + 0.5);
        const prior = estimator.estimateAt(atMs);
        // Only a confident model can be contradicted: 25 points is then well beyond three sigmas.
        fc.pre(prior.uncertaintyPercent < 5);
        const socPercent = prior.socPercent > 50 ? prior.socPercent - 25 : prior.socPercent + 25;
        estimator.add({ kind: 'reading', source: 'charger', atMs, socPercent });
        const posterior = estimator.estimateAt(atMs);
        expect(Math.abs(posterior.socPercent - socPercent)).toBeLessThan(
          SOC_ESTIMATOR_DEFAULTS.readingSigmaPercent.charger,
        );
        expect(posterior.disagreement).toBe(true);
      }),
      RUNS,
    );
  });

  it('pulls the estimate toward a reading: it ends between the prior estimate and the reading', () => {
    fc.assert(
      fc.property(
        eventsArbitrary(),
        fc.integer({ min: 0, max: 700 }),
        fc.constantFrom('charger' as const, 'telematics' as const),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (events, minute, source, socPercent) => {
          const estimator = feed(events);
          // Half a minute off the generated grid, so no other event shares the reading's instant.
          const atMs = atMinute(minute + 0.5);
          const prior = estimator.estimateAt(atMs);
          estimator.add({ kind: 'reading', source, atMs, socPercent });
          const posterior = estimator.estimateAt(atMs);
          expect(posterior.socPercent).toBeGreaterThanOrEqual(Math.min(prior.socPercent, socPercent));
          expect(posterior.socPercent).toBeLessThanOrEqual(Math.max(prior.socPercent, socPercent));
          // A reading that contradicts the model may leave the estimate as uncertain as the reading itself, no more.
          const readingSigma = SOC_ESTIMATOR_DEFAULTS.readingSigmaPercent[source];
          expect(posterior.uncertaintyPercent).toBeLessThanOrEqual(
            Math.max(prior.uncertaintyPercent, readingSigma) + 1e-9,
          );
          expect(posterior.lastDirectReadingMs).toBe(atMs);
        },
      ),
      RUNS,
    );
  });

  it('grows the uncertainty monotonically while no reading arrives', () => {
    fc.assert(
      fc.property(eventsArbitrary(), eventsArbitrary(['energy-delivered', 'task']), (early, later) => {
        const lateOnly = later.map((event, index) => shiftMinutes(event, 601, `late${index}`));
        const estimator = feed([...early, ...lateOnly]);
        let previous = estimator.estimateAt(atMinute(600)).uncertaintyPercent;
        for (let minute = 610; minute <= 2000; minute += 37) {
          const current = estimator.estimateAt(atMinute(minute)).uncertaintyPercent;
          expect(current).toBeGreaterThanOrEqual(previous);
          if (previous < estimator.config.maxUncertaintyPercent) expect(current).toBeGreaterThan(previous);
          previous = current;
        }
      }),
      RUNS,
    );
  });

  it('conserves energy through a charge: E kWh at efficiency η raise SoC by E·η/battery×100', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (startPercent, chunksKwh, chargeEfficiency) => {
          const estimator = new SocEstimator({ batteryKwh: 280, chargeEfficiency });
          estimator.add(chargerSoc(0, startPercent));
          const before = estimator.estimateAt(atMinute(0)).socPercent;
          estimator.addAll(chunksKwh.map((energyKwh, index) => delivered(index + 1, energyKwh)).reverse());
          const after = estimator.estimateAt(atMinute(chunksKwh.length)).socPercent;
          const totalKwh = chunksKwh.reduce((sum, energyKwh) => sum + energyKwh, 0);
          expect(after - before).toBeCloseTo(((totalKwh * chargeEfficiency) / 280) * 100, 9);
        },
      ),
      RUNS,
    );
  });

  it('keeps the estimate within 0–100 % and the uncertainty within its cap', () => {
    fc.assert(
      fc.property(eventsArbitrary(), fc.integer({ min: 0, max: 800 }), (events, minute) => {
        const estimate = feed(events).estimateAt(atMinute(minute));
        expect(estimate.socPercent).toBeGreaterThanOrEqual(0);
        expect(estimate.socPercent).toBeLessThanOrEqual(100);
        expect(estimate.uncertaintyPercent).toBeGreaterThan(0);
        expect(estimate.uncertaintyPercent).toBeLessThanOrEqual(OPTIONS.maxUncertaintyPercent ?? 30);
      }),
      RUNS,
    );
  });

  it('is stale exactly when the last reading is older than the limit (or there is none)', () => {
    fc.assert(
      fc.property(eventsArbitrary(), fc.integer({ min: 0, max: 800 }), (events, minute) => {
        const estimate = feed(events).estimateAt(atMinute(minute));
        const readingTimes = events.filter((e) => e.kind === 'reading' && e.atMs <= atMinute(minute)).map(eventTime);
        const lastMs = readingTimes.length > 0 ? Math.max(...readingTimes) : null;
        expect(estimate.lastDirectReadingMs).toBe(lastMs);
        expect(estimate.stale).toBe(lastMs === null || atMinute(minute) - lastMs > 60 * 60_000);
      }),
      RUNS,
    );
  });

  it('never flags readings that follow the energy model within their noise, and always flags a gross one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 60, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 10,
        }),
        (startPercent, steps) => {
          const estimator = new SocEstimator({ batteryKwh: 280 });
          estimator.add(chargerSoc(0, startPercent));
          let truePercent = startPercent;
          steps.forEach(([energyKwh, noise], index) => {
            truePercent += (energyKwh / 280) * 100;
            estimator.addAll([delivered(index + 1, energyKwh), chargerSoc(index + 1, truePercent + noise)]);
          });
          expect(estimator.estimateAt(atMinute(steps.length)).disagreement).toBe(false);
          estimator.add(chargerSoc(steps.length + 1, truePercent > 50 ? truePercent - 30 : truePercent + 30));
          expect(estimator.estimateAt(atMinute(steps.length + 1)).disagreement).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('survives a JSON round trip: same answers now and after further events', () => {
    fc.assert(
      fc.property(eventsArbitrary(), eventsArbitrary(), (first, second) => {
        const original = feed(first);
        const restored = SocEstimator.fromJSON(JSON.parse(JSON.stringify(original)));
        for (const minute of queryMinutes) {
          expect(restored.estimateAt(atMinute(minute))).toStrictEqual(original.estimateAt(atMinute(minute)));
        }
        const more = second.map((event, index) => ({ ...event, id: `more${index}` }));
        original.addAll(more);
        restored.addAll(more);
        expect(restored.estimateAt(atMinute(700))).toStrictEqual(original.estimateAt(atMinute(700)));
      }),
      RUNS,
    );
  });

  it('answers exactly as without compaction for any time after the checkpoint', () => {
    fc.assert(
      fc.property(eventsArbitrary(), (events) => {
        const sorted = [...events].sort((x, y) => eventTime(x) - eventTime(y));
        const compacted = new SocEstimator({ ...OPTIONS, maxEvents: 6 });
        // A task's end can be folded before a later-starting event arrives; that event is then refused.
        const accepted = sorted.filter((event) => compacted.add(event).accepted);
        const full = feed(accepted);
        expect(compacted.eventCount).toBeLessThanOrEqual(6);
        const fromMs = compacted.checkpointMs ?? 0;
        for (const minute of queryMinutes) {
          if (atMinute(minute) < fromMs) continue;
          expect(compacted.estimateAt(atMinute(minute))).toStrictEqual(full.estimateAt(atMinute(minute)));
        }
      }),
      RUNS,
    );
  });
});

function eventTime(event: SocInputEvent): number {
  return event.kind === 'task' ? event.startMs : event.atMs;
}

function shiftMinutes(event: SocInputEvent, minutes: number, id: string): SocInputEvent {
  const shiftMs = minutes * 60_000;
  if (event.kind === 'task') return { ...event, startMs: event.startMs + shiftMs, endMs: event.endMs + shiftMs, id };
  return { ...event, atMs: event.atMs + shiftMs, id };
}
