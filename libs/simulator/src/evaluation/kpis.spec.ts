import { aCharger, aDay, aVehicle } from './evaluation-fixtures';
import { UncontrolledPolicy } from './policies/priority-policies';
import { simulateDay } from './simulate-day';

describe('KPIs on a hand-checkable day', () => {
  // One 100 kWh vehicle at 50 %, ceiling 60 %, 50 kW charger, base load 10 kW, limit 55 kW, 0.2 per kWh, one hour.
  // Steps of 5 min: 50 kW → +4.17 kWh, 50 kW → +4.17 kWh, 20 kW → +1.67 kWh (ceiling), then nothing.
  const day = aDay({
    gridLimitKw: 55,
    baseLoadKw: 10,
    vehicles: [aVehicle('BUS-1', { socPercent: 50, maxSocPercent: 60, pluggedInto: 'CP-1' })],
    chargers: [aCharger('CP-1')],
  });

  it('counts energy, cost, peak, minutes over the limit and lowest SoC', async () => {
    const { kpis, steps } = await simulateDay(day, new UncontrolledPolicy());
    expect(steps.slice(0, 4).map((step) => step.chargingKw)).toEqual([50, 50, expect.closeTo(20, 6), 0]);
    expect(kpis.energyKwh).toBeCloseTo(10, 6);
    expect(kpis.energyCost).toBeCloseTo(2, 6);
    expect(kpis.peakKw).toBeCloseTo(60, 6);
    expect(kpis.minutesOverLimit).toBe(10);
    expect(kpis.lowestSocPercent).toBeCloseTo(50, 6);
    expect(kpis.fleetEnergyChangeKwh).toBeCloseTo(10, 6);
    expect(kpis.costAdjusted).toBeCloseTo(0, 6);
    expect(kpis.tasks).toBe(0);
    expect(kpis.tasksOnTimePercent).toBe(100);
  });
});
