import fc from 'fast-check';
import { buildPowerProfile, PowerProfileRequest } from '../profiles/charging-profile.builder';
import { profileFromV16, profileFromV201 } from '../profiles/profile-version.adapter';
import { buildV16SetChargingProfile } from '../profiles/v16-profile.builder';
import { buildV201SetChargingProfile } from '../profiles/v201-profile.builder';
import { compositeSchedule, limitAtW } from './composite-schedule';

const start = new Date('2026-11-22T06:00:00Z');

const planArb = fc.record({
  kws: fc.array(fc.double({ min: 0, max: 150, noNaN: true }), { minLength: 1, maxLength: 12 }),
  slotMinutes: fc.constantFrom(5, 15),
  currentType: fc.constantFrom<'AC' | 'DC'>('AC', 'DC'),
  phases: fc.constantFrom(1, 3),
  version: fc.constantFrom('1.6', '2.0.1'),
});

interface Plan {
  kws: number[];
  slotMinutes: number;
  currentType: 'AC' | 'DC';
  phases: number;
}

function request(plan: Plan): PowerProfileRequest {
  return {
    slots: plan.kws.map((powerKw, i) => ({
      start: new Date(start.getTime() + i * plan.slotMinutes * 60_000),
      durationSeconds: plan.slotMinutes * 60,
      powerKw,
    })),
    purpose: 'TxDefault',
    profileId: 1,
    stackLevel: 0,
    evseId: 1,
    supply: { currentType: plan.currentType, phases: plan.phases, nominalVoltageV: 230 },
  };
}

describe('profile builders and composite schedule together (property)', () => {
  it('a charger obeying a built profile never exceeds the plan and loses at most one rounding step', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const req = request(plan);
        const profile =
          plan.version === '1.6'
            ? profileFromV16(buildV16SetChargingProfile(req).csChargingProfiles, 1)
            : profileFromV201(buildV201SetChargingProfile(req).chargingProfile, 1);
        const supply = req.supply;
        const stepW = supply.currentType === 'AC' ? 0.1 * plan.phases * 230 : 1;
        req.slots.forEach((slot) => {
          const mid = new Date(slot.start.getTime() + (slot.durationSeconds * 1000) / 2);
          const limitW = limitAtW([profile], 1, mid, { supply });
          const plannedW = slot.powerKw * 1000;
          expect(limitW).toBeLessThanOrEqual(plannedW + 1e-6);
          expect(limitW).toBeGreaterThan(plannedW - stepW - 1e-6);
        });
        // After the plan the profile is no longer valid: the charger falls back (here: no limit).
        const end = req.slots[req.slots.length - 1];
        expect(limitAtW([profile], 1, new Date(end.start.getTime() + end.durationSeconds * 1000))).toBe(Infinity);
      }),
      { numRuns: 200 },
    );
  });

  it('composite periods are ordered, merged and agree with the instantaneous limit', () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 3600 }), (plan, offsetSeconds) => {
        const profile = buildPowerProfile(request(plan));
        const now = new Date(start.getTime() + offsetSeconds * 1000);
        const options = { supply: { currentType: plan.currentType, phases: plan.phases }, maxPowerW: 200_000 };
        const c = compositeSchedule([profile], 1, now, 4 * 3600, options);
        expect(c.periods[0].startSeconds).toBe(0);
        c.periods.forEach((p, i) => {
          if (i > 0) {
            expect(p.startSeconds).toBeGreaterThan(c.periods[i - 1].startSeconds);
            expect(p.limit).not.toBe(c.periods[i - 1].limit);
          }
          const at = new Date(now.getTime() + p.startSeconds * 1000);
          expect(p.limit).toBe(Math.floor(limitAtW([profile], 1, at, options) + 1e-9));
        });
      }),
      { numRuns: 200 },
    );
  });
});
