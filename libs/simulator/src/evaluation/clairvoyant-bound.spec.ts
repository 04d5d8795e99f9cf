import { clairvoyantPublicEnergyBound } from './clairvoyant-bound';
import { aCharger, aDay, anArrival, aVehicle } from './evaluation-fixtures';
import { earliestDeadlineFirst, firstComeFirstServed, leastLaxityFirst } from './policies/priority-policies';
import { simulateDay } from './simulate-day';
import { highwaySiteDay, withGridLimit } from './site-day';

describe('clairvoyant public-energy bound', () => {
  it('is what one EV can take in its stay at its own limit (hand-checked)', async () => {
    // 60 kWh battery from 20 % to 80 %: 36 kWh wanted; 50 kW for 30 minutes gives 25 kWh; the taper (knee 80 %) never
    // binds below the 80 % target.
    const day = aDay({ chargers: [aCharger('HPC-1', 1, 50)], arrivals: [anArrival('tx-1', 0, 30)] });
    const bound = await clairvoyantPublicEnergyBound(day);
    expect(bound?.requiredKwh).toBeCloseTo(36, 6);
    expect(bound?.undeliveredKwh).toBeCloseTo(11, 4);
  });

  it('shares a binding site limit: two EVs on 60 kW for an hour get 60 kWh between them', async () => {
    const day = aDay({
      gridLimitKw: 70,
      baseLoadKw: 10,
      chargers: [aCharger('HPC-1', 2, 50)],
      arrivals: [anArrival('tx-1', 0, 60), anArrival('tx-2', 0, 60)],
    });
    const bound = await clairvoyantPublicEnergyBound(day);
    expect(bound?.undeliveredKwh).toBeCloseTo(72 - 60, 4);
  });

  it('leaves nothing undelivered when the stays allow every need in full', async () => {
    // 50 kW. tx-long stays 2 h wanting 36 kWh; tx-short arrives at 60 min for 30 min wanting 18 kWh (20→50 %).
    const day = aDay({
      gridLimitKw: 50,
      hours: 2,
      chargers: [aCharger('HPC-1', 2, 50)],
      arrivals: [anArrival('tx-long', 0, 120), anArrival('tx-short', 60, 90, { targetSocPercent: 50 })],
    });
    const bound = await clairvoyantPublicEnergyBound(day);
    expect(bound?.undeliveredKwh).toBeCloseTo(0, 4);
  });

  it('is no bound for a day with a fleet (vehicles would share the limit)', async () => {
    const day = aDay({ vehicles: [aVehicle('BUS-1')], arrivals: [anArrival('tx-1', 0, 30)] });
    expect(await clairvoyantPublicEnergyBound(day)).toBeUndefined();
  });

  it('no policy that keeps within the limit leaves less undelivered on a generated highway afternoon', async () => {
    const afternoon = highwaySiteDay({ seed: 7, connectors: 12, sessions: 30, gridLimitKw: 400, hours: 4 });
    const day = withGridLimit(afternoon, 250);
    const bound = (await clairvoyantPublicEnergyBound(day))!;
    expect(bound.undeliveredKwh).toBeGreaterThan(0);
    for (const policy of [firstComeFirstServed(), earliestDeadlineFirst(), leastLaxityFirst()]) {
      const { kpis } = await simulateDay(day, policy);
      expect(kpis.minutesOverLimit).toBe(0);
      expect(kpis.publicRequiredKwh).toBeCloseTo(bound.requiredKwh, 6);
      expect(kpis.publicUndeliveredKwh).toBeGreaterThanOrEqual(bound.undeliveredKwh - 1e-6);
    }
  });
});
