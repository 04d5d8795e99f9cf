import { ConsumptionLearner } from './consumption-learner';
import { predictSocAtPercent } from './predict-soc';
import { predictTaskEnergyKwh } from './task-energy-prediction';

const query = { vehicleId: 'BUS-01', taskKind: 'remote-stand' };

function learnerWith(vehicleId: string, energyKwh: number, samples: number, distanceKm?: number): ConsumptionLearner {
  const learner = new ConsumptionLearner();
  for (let i = 0; i < samples; i++) learner.observe({ vehicleId, taskKind: 'remote-stand', energyKwh, distanceKm });
  return learner;
}

describe('predictTaskEnergyKwh', () => {
  const fallbacks = { vehicleKwhPerTask: 11, fleetDefaultKwhPerTask: 12 };

  it.each([
    ['stated energy wins over everything', learnerWith('BUS-01', 8, 10), { statedEnergyKwh: 9.5 }, 9.5, 'stated'],
    ['learned per km × distance', learnerWith('BUS-01', 8, 10, 4), { distanceKm: 5 }, 10, 'learned-per-km'],
    ['learned per task without a distance', learnerWith('BUS-01', 8, 10, 4), {}, 8, 'learned-per-task'],
    ['vehicle config while not yet trusted', learnerWith('BUS-01', 8, 2), {}, 11, 'vehicle-config'],
    ['vehicle config without a learner', null, {}, 11, 'vehicle-config'],
  ] as const)('%s', (_name, learner, extra, energyKwh, source) => {
    expect(predictTaskEnergyKwh(learner, { ...query, ...extra }, fallbacks)).toMatchObject({ energyKwh, source });
  });

  it('falls back to the fleet learned median, then the fleet default, then 0', () => {
    const fleet = new ConsumptionLearner();
    for (const [vehicleId, kwh] of [
      ['BUS-02', 7],
      ['BUS-03', 9],
      ['BUS-04', 30],
    ] as const) {
      for (let i = 0; i < 6; i++) fleet.observe({ vehicleId, taskKind: 'remote-stand', energyKwh: kwh });
    }
    expect(predictTaskEnergyKwh(fleet, query, { fleetDefaultKwhPerTask: 12 })).toMatchObject({
      energyKwh: 9,
      source: 'fleet-learned',
    });
    expect(predictTaskEnergyKwh(null, { ...query, distanceKm: 3 }, { fleetDefaultKwhPerKm: 2 })).toMatchObject({
      energyKwh: 6,
      source: 'fleet-default',
    });
    expect(predictTaskEnergyKwh(null, query)).toEqual({ energyKwh: 0, sigmaKwh: null, source: 'none' });
  });

  it('uses vehicle per-km consumption when the distance is known', () => {
    expect(predictTaskEnergyKwh(null, { ...query, distanceKm: 10 }, { vehicleKwhPerKm: 1.3 })).toMatchObject({
      energyKwh: 13,
      source: 'vehicle-config',
    });
  });
});

describe('predictSocAtPercent', () => {
  it('subtracts planned energy and adds planned charge after efficiency', () => {
    const predicted = predictSocAtPercent({ socPercent: 60, uncertaintyPercent: 3 }, 28, 280, {
      plannedChargeKwh: 30,
      chargeEfficiency: 0.93,
      energySigmaKwh: 11.2,
    });
    expect(predicted.socPercent).toBeCloseTo(60 - 10 + (27.9 / 280) * 100, 9);
    expect(predicted.uncertaintyPercent).toBeCloseTo(5, 9);
    expect(predicted.clamped).toBe(false);
  });

  it('clamps and says so', () => {
    expect(predictSocAtPercent({ socPercent: 5, uncertaintyPercent: 1 }, 28, 280)).toMatchObject({
      socPercent: 0,
      clamped: true,
    });
  });
});
