import { applyRegisterReading, EMPTY_REGISTER, RegisterState } from './register-energy';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 6, minute));
const readings = (list: [number, number][], start: RegisterState = EMPTY_REGISTER) =>
  list.reduce((state, [wh, minute]) => applyRegisterReading(state, wh, at(minute)), start);

describe('register energy', () => {
  it('counts the register difference from the first reading', () => {
    expect(
      readings([
        [1000, 0],
        [1500, 1],
        [2500, 2],
      ]).energyWh,
    ).toBe(1500);
  });

  it('counts a repeated reading once', () => {
    expect(
      readings([
        [1000, 0],
        [1500, 1],
        [1500, 1],
        [1500, 1],
        [2000, 2],
      ]).energyWh,
    ).toBe(1000);
  });

  it('ignores a reading older than the last counted one', () => {
    expect(
      readings([
        [1000, 0],
        [3000, 5],
        [2000, 3],
        [3500, 6],
      ]).energyWh,
    ).toBe(2500);
  });

  it('treats a register drop as a reset: new baseline, never negative energy', () => {
    const state = readings([
      [5000, 0],
      [6000, 1],
      [10, 2],
      [510, 3],
    ]);
    expect(state.energyWh).toBe(1500);
    expect(state.registerResets).toBe(1);
  });

  it('ignores non-finite readings', () => {
    expect(
      readings([
        [1000, 0],
        [Number.NaN, 1],
        [1200, 2],
      ]).energyWh,
    ).toBe(200);
  });
});
