import { sampleInputs, SessionRegister } from './session-meter-inputs';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 6, minute));
const empty: SessionRegister = { lastRegisterWh: null, lastRegisterAt: null };

describe('sampleInputs', () => {
  it('takes the first register as the baseline and counts later deltas in kWh', () => {
    const first = sampleInputs('s1', empty, { at: at(0), energyWh: 10_000 });
    expect(first.inputs).toEqual([]);
    const second = sampleInputs('s1', first.register, { at: at(1), energyWh: 12_500, socPercent: 41 });
    expect(second.inputs).toEqual([
      {
        key: `energy:s1:${at(1).getTime()}`,
        event: expect.objectContaining({ kind: 'energy-delivered', energyKwh: 2.5 }),
      },
      { key: `charger:s1:${at(1).getTime()}`, event: expect.objectContaining({ kind: 'reading', socPercent: 41 }) },
    ]);
    expect(second.register).toEqual({ lastRegisterWh: 12_500, lastRegisterAt: at(1) });
  });

  it('counts nothing for a repeated or earlier sample', () => {
    const register = { lastRegisterWh: 12_500, lastRegisterAt: at(2) };
    const repeat = sampleInputs('s1', register, { at: at(2), energyWh: 12_500 });
    expect(repeat.inputs).toEqual([]);
    expect(repeat.skipped).toBeUndefined();
    const earlier = sampleInputs('s1', register, { at: at(1), energyWh: 11_000 });
    expect(earlier.inputs).toEqual([]);
    expect(earlier.register).toBe(register);
    expect(earlier.skipped).toMatch(/not after/);
  });

  it('moves the baseline without counting when the register went backwards', () => {
    const result = sampleInputs('s1', { lastRegisterWh: 50_000, lastRegisterAt: at(1) }, { at: at(2), energyWh: 100 });
    expect(result.inputs).toEqual([]);
    expect(result.register.lastRegisterWh).toBe(100);
    expect(result.skipped).toMatch(/backwards/);
  });

  it('ignores an SoC outside 0–100', () => {
    expect(sampleInputs('s1', empty, { at: at(0), socPercent: 140 }).inputs).toEqual([]);
  });
});
