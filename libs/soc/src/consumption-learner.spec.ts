import fc from 'fast-check';
import { detectConsumptionDrift } from './consumption-drift';
import { ConsumptionLearner, observedEnergyKwhFromSocDrop } from './consumption-learner';
import { noiseSequence } from './testing/soc-fixtures';

const RUNS = { numRuns: 50 };

function observeMany(learner: ConsumptionLearner, vehicleId: string, energiesKwh: number[], distanceKm?: number): void {
  for (const energyKwh of energiesKwh) learner.observe({ vehicleId, taskKind: 'remote-stand', energyKwh, distanceKm });
}

function steady(meanKwh: number, count: number, seed: number, relativeNoise = 0.03): number[] {
  const noise = noiseSequence(seed);
  return Array.from({ length: count }, () => meanKwh * (1 + relativeNoise * noise()));
}

describe('ConsumptionLearner', () => {
  it('learns a constant consumption exactly, and trusts it only after the minimum sample count', () => {
    const learner = new ConsumptionLearner({ minSamplesToTrust: 5 });
    observeMany(learner, 'BUS-01', [9.5, 9.5, 9.5, 9.5]);
    expect(learner.estimate('BUS-01', 'remote-stand')?.kwhPerTask).toMatchObject({ mean: 9.5, trusted: false });
    observeMany(learner, 'BUS-01', [9.5]);
    expect(learner.estimate('BUS-01', 'remote-stand')?.kwhPerTask).toEqual({
      mean: 9.5,
      sigma: 0,
      samples: 5,
      trusted: true,
    });
  });

  it('converges on a constant consumption under noise', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 40, maxLength: 80 }),
        (meanKwh, noises) => {
          const learner = new ConsumptionLearner();
          observeMany(
            learner,
            'BUS-01',
            noises.map((noise) => meanKwh * (1 + noise)),
          );
          const learned = learner.estimate('BUS-01', 'remote-stand')!.kwhPerTask;
          expect(Math.abs(learned.mean - meanKwh)).toBeLessThanOrEqual(0.05 * meanKwh);
          expect(learned.sigma).toBeLessThanOrEqual(0.06 * meanKwh);
        },
      ),
      RUNS,
    );
  });

  it('learns per km when distances are given', () => {
    const learner = new ConsumptionLearner();
    for (let i = 0; i < 10; i++) {
      learner.observe({ vehicleId: 'BUS-01', taskKind: 'remote-stand', energyKwh: 1.2 * (2 + i), distanceKm: 2 + i });
    }
    expect(learner.estimate('BUS-01', 'remote-stand')?.kwhPerKm?.mean).toBeCloseTo(1.2, 9);
  });

  it('ignores occasional wild outliers once it trusts its estimate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        // Isolated: at least five normal tasks apart (three outliers in a row are a level change the learner should
        // start to follow, not noise).
        fc.uniqueArray(fc.integer({ min: 2, max: 15 }), { maxLength: 4 }).map((slots) => slots.map((k) => 5 * k)),
        fc.constantFrom(0, 10, 50),
        (seed, outlierIndexes, factor) => {
          const learner = new ConsumptionLearner();
          const energies = steady(10, 80, seed).map((kwh, index) =>
            outlierIndexes.includes(index) ? kwh * factor : kwh,
          );
          observeMany(learner, 'BUS-01', energies);
          expect(learner.estimate('BUS-01', 'remote-stand')!.kwhPerTask.mean).toBeGreaterThan(9);
          expect(learner.estimate('BUS-01', 'remote-stand')!.kwhPerTask.mean).toBeLessThan(11);
        },
      ),
      RUNS,
    );
  });

  it('refuses observations without energy or with a SoC rise, and derives energy from a SoC drop', () => {
    const learner = new ConsumptionLearner();
    expect(learner.observe({ vehicleId: 'BUS-01', taskKind: 'k' })).toMatchObject({ reason: 'no-energy' });
    expect(learner.observe({ vehicleId: 'BUS-01', taskKind: 'k', socDropPercent: -2, batteryKwh: 280 })).toMatchObject({
      reason: 'non-positive-energy',
    });
    expect(learner.observe({ vehicleId: 'BUS-01', taskKind: 'k', socDropPercent: 5, batteryKwh: 280 })).toEqual({
      accepted: true,
      energyKwh: 14,
      clipped: false,
    });
    expect(observedEnergyKwhFromSocDrop(10, 75)).toBe(7.5);
  });

  it('survives a JSON round trip', () => {
    const learner = new ConsumptionLearner({ alpha: 0.3 });
    observeMany(learner, 'BUS-01', steady(10, 12, 7), 8);
    const restored = ConsumptionLearner.fromJSON(JSON.parse(JSON.stringify(learner)));
    expect(restored.estimate('BUS-01', 'remote-stand')).toEqual(learner.estimate('BUS-01', 'remote-stand'));
    expect(restored.config).toEqual(learner.config);
  });
});

describe('detectConsumptionDrift', () => {
  it('fires for a vehicle that degrades against its own baseline, not for a steady one', () => {
    const learner = new ConsumptionLearner();
    const noise = noiseSequence(11);
    observeMany(learner, 'BUS-STEADY', steady(10, 80, 3));
    observeMany(
      learner,
      'BUS-AGEING',
      Array.from({ length: 80 }, (_, i) => 10 * (1 + 0.006 * i) * (1 + 0.03 * noise())),
    );
    const findings = detectConsumptionDrift(learner);
    expect(findings.filter((f) => f.vehicleId === 'BUS-STEADY')).toEqual([]);
    expect(findings).toContainEqual(
      expect.objectContaining({ vehicleId: 'BUS-AGEING', versus: 'own-baseline', metric: 'kwh-per-task' }),
    );
    expect(findings.find((f) => f.vehicleId === 'BUS-AGEING')!.ratio).toBeGreaterThan(1.15);
  });

  it('never fires for steady vehicles, whatever their noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 0.05, noNaN: true }), (seed, noise) => {
        const learner = new ConsumptionLearner();
        for (let v = 0; v < 4; v++) observeMany(learner, `BUS-0${v}`, steady(10, 60, seed + v, noise));
        expect(detectConsumptionDrift(learner)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('fires against the fleet for a vehicle that needs far more than its peers from the start', () => {
    const learner = new ConsumptionLearner();
    for (let v = 0; v < 4; v++) observeMany(learner, `BUS-0${v}`, steady(10, 10, v));
    observeMany(learner, 'BUS-FAULT', steady(13, 10, 99));
    const findings = detectConsumptionDrift(learner);
    expect(findings).toEqual([expect.objectContaining({ vehicleId: 'BUS-FAULT', versus: 'fleet' })]);
  });

  it('prefers per km when that is trusted, and starts a fresh baseline after a reset', () => {
    const learner = new ConsumptionLearner({ baselineSamples: 5 });
    observeMany(learner, 'BUS-01', steady(10, 5, 1), 8);
    observeMany(learner, 'BUS-01', steady(14, 20, 2), 8);
    expect(detectConsumptionDrift(learner, 'BUS-01')).toEqual([
      expect.objectContaining({ metric: 'kwh-per-km', versus: 'own-baseline' }),
    ]);
    learner.resetBaseline('BUS-01');
    observeMany(learner, 'BUS-01', steady(14, 5, 3), 8);
    expect(detectConsumptionDrift(learner, 'BUS-01')).toEqual([]);
  });
});
