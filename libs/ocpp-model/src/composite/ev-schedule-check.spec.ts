import { NeutralChargingProfile } from '../profiles/neutral-charging-profile';
import { evScheduleExcess } from './ev-schedule-check';

const T0 = new Date('2026-12-07T10:00:00Z');
const plus = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** What the CSMS granted on EVSE 1 for transaction tx-1: 11 kW for 30 minutes, then 7 kW. */
const granted: NeutralChargingProfile[] = [
  {
    id: 501,
    stackLevel: 2,
    purpose: 'Tx',
    kind: 'Absolute',
    evseId: 1,
    transactionId: 'tx-1',
    schedule: {
      startSchedule: T0,
      rateUnit: 'W',
      periods: [
        { startSeconds: 0, limit: 11_000 },
        { startSeconds: 1800, limit: 7_000 },
      ],
    },
  },
];
const options = {
  supply: { currentType: 'AC' as const, phases: 3, nominalVoltageV: 230 },
  transaction: { id: 'tx-1', startedAt: T0 },
};

describe('K17.FR.11/12: an EV charging schedule against the limits granted on its EVSE', () => {
  it('is within limits when the EV asks for no more than granted at every instant (A converted per phase)', () => {
    const ev = {
      rateUnit: 'A' as const,
      periods: [
        { startSeconds: 0, limit: 16 }, // 11.0 kW on three phases at 230 V
        { startSeconds: 1800, limit: 10 }, // 6.9 kW
      ],
    };
    expect(evScheduleExcess(ev, T0, 1, granted, options)).toBeNull();
  });

  it('finds the first instant the EV asks for more: here when the granted limit drops and the EV does not', () => {
    const ev = { rateUnit: 'W' as const, periods: [{ startSeconds: 0, limit: 11_000 }] };
    expect(evScheduleExcess(ev, T0, 1, granted, options)).toEqual({
      at: plus(1800),
      evLimitW: 11_000,
      grantedLimitW: 7_000,
    });
  });

  it('judges the EV schedule from its own start (timeBase + startSchedule), not the granted profile’s', () => {
    const ev = { rateUnit: 'W' as const, startSchedule: plus(2400), periods: [{ startSeconds: 0, limit: 8_000 }] };
    expect(evScheduleExcess(ev, T0, 1, granted, options)?.at).toEqual(plus(2400));
    expect(
      evScheduleExcess({ ...ev, periods: [{ startSeconds: 0, limit: 7_000 }] }, T0, 1, granted, options),
    ).toBeNull();
  });

  it('with nothing granted on the EVSE, any schedule is within limits', () => {
    const ev = { rateUnit: 'W' as const, periods: [{ startSeconds: 0, limit: 350_000 }] };
    expect(evScheduleExcess(ev, T0, 2, granted, options)).toBeNull();
  });
});
