import { chargeInstruction, localTime } from './charge-instructions';
import { aPlan, at } from './plan-fixtures.spec-helper';

describe('chargeInstruction', () => {
  it('sends an unplugged vehicle to the charger of its next planned charging, by the time it starts (local)', () => {
    expect(chargeInstruction(aPlan(), 'BUS-01', at('2026-11-22T06:05:00Z'), 'Asia/Shanghai')).toEqual({
      vehicle: 'BUS-01',
      chargerId: 'CP-01',
      by: '2026-11-22T06:30:00.000Z',
      text: 'BUS-01 to CP-01 by 14:30',
    });
  });

  it('gives none to a vehicle already plugged into that charger', () => {
    expect(chargeInstruction(aPlan(), 'BUS-02', at('2026-11-22T06:00:00Z'), 'UTC')).toBeNull();
  });

  it('gives none when all its charging lies in the past or there is none', () => {
    expect(chargeInstruction(aPlan(), 'BUS-01', at('2026-11-22T07:00:00Z'), 'UTC')).toBeNull();
    expect(
      chargeInstruction(aPlan({ result: { charging: [] } }), 'BUS-01', at('2026-11-22T06:00:00Z'), 'UTC'),
    ).toBeNull();
  });

  it('picks the earliest charging when the plan uses two chargers, and moves a plugged vehicle to another one', () => {
    const plan = aPlan({
      result: {
        charging: [
          { vehicleId: 'BUS-02', chargerId: 'CP-01', kw: [0, 0, 0, 0, 0, 50, 0, 0] },
          { vehicleId: 'BUS-02', chargerId: 'CP-02', kw: [0, 0, 0, 80, 0, 0, 0, 0] },
        ],
      },
    });
    expect(chargeInstruction(plan, 'BUS-02', at('2026-11-22T06:00:00Z'), 'UTC')?.text).toBe('BUS-02 to CP-02 by 06:45');
  });

  it('never sends a bus to a charger while it is away on its task, from its departure (the plan task start)', () => {
    // T1 leaves at 07:05 and ends 07:35; a plan that charged BUS-01 in the 07:15 slot cannot be followed.
    const plan = aPlan({
      result: { charging: [{ vehicleId: 'BUS-01', chargerId: 'CP-01', kw: [0, 0, 0, 0, 0, 150, 0, 150] }] },
    });
    expect(chargeInstruction(plan, 'BUS-01', at('2026-11-22T06:05:00Z'), 'UTC')?.text).toBe('BUS-01 to CP-01 by 07:45');
    const unassigned = aPlan({ result: { ...plan.result, assignments: [] } });
    expect(chargeInstruction(unassigned, 'BUS-01', at('2026-11-22T06:05:00Z'), 'UTC')?.text).toBe(
      'BUS-01 to CP-01 by 07:15',
    );
  });

  it('formats local time on 24 hours', () => {
    expect(localTime(at('2026-11-22T23:20:00Z'), 'UTC')).toBe('23:20');
    expect(localTime(at('2026-11-22T00:05:00Z'), 'UTC')).toBe('00:05');
  });
});
