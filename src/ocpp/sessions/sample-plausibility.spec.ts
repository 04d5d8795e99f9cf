import { EMPTY_REGISTER, RegisterState } from './register-energy';
import { implausibleSample } from './sample-plausibility';

const now = new Date('2026-12-01T12:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const register = (wh: number, minute: number): RegisterState => ({
  ...EMPTY_REGISTER,
  lastRegisterWh: wh,
  lastRegisterAt: minutes(minute),
});
const KW150 = 150_000;

describe('implausibleSample', () => {
  it.each([
    ['a normal reading', { at: minutes(0), energyWh: 12_000, socPercent: 50 }, null],
    ['a timestamp in 2999', { at: new Date('2999-01-01T00:00:00Z'), energyWh: 12_000 }, 'futureTimestamp'],
    ['a timestamp 2 hours ahead', { at: minutes(120), energyWh: 12_000 }, 'futureTimestamp'],
    ['a timestamp 30 minutes ahead (clock drift)', { at: minutes(30), energyWh: 12_000 }, null],
    ['a timestamp in 1970 (unset clock)', { at: new Date(0), energyWh: 12_000 }, 'pastTimestamp'],
    ['a register of 1e308 Wh', { at: minutes(0), energyWh: 1e308 }, 'absurdValue'],
    ['a negative register', { at: minutes(0), energyWh: -5 }, 'absurdValue'],
    ['a SoC of 250 %', { at: minutes(0), socPercent: 250 }, 'absurdValue'],
  ])('%s', (_name, sample, expected) => {
    expect(implausibleSample(sample, register(10_000, -1), KW150, now)).toBe(expected);
  });

  it('flags a register step no connector of that power could deliver in the elapsed time', () => {
    // 150 kW for 10 minutes is 25 kWh; 40 kWh more is impossible, 26 kWh is within tolerance.
    expect(implausibleSample({ at: minutes(0), energyWh: 50_000 }, register(10_000, -10), KW150, now)).toBe(
      'energyJump',
    );
    expect(implausibleSample({ at: minutes(0), energyWh: 36_000 }, register(10_000, -10), KW150, now)).toBeNull();
  });

  it('checks no step without a previous register or without a known power', () => {
    expect(implausibleSample({ at: minutes(0), energyWh: 500_000 }, EMPTY_REGISTER, KW150, now)).toBeNull();
    expect(implausibleSample({ at: minutes(0), energyWh: 500_000 }, register(10_000, -1), null, now)).toBeNull();
    expect(implausibleSample({ at: minutes(0), energyWh: 500_000 }, null, KW150, now)).toBeNull();
  });
});
