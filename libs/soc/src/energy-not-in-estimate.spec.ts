import { energyNotInEstimateKwh, PendingTaskDraw } from './energy-not-in-estimate';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const task = (startMinutes: number, endMinutes: number, energyKwh: number, sigmaKwh?: number): PendingTaskDraw => ({
  startMs: startMinutes * MINUTE_MS,
  endMs: endMinutes * MINUTE_MS,
  energyKwh,
  sigmaKwh,
});
const query = { fromMs: 0, untilMs: 0, tasks: [], idleDrainKwhPerHour: 0, lastDirectReadingMs: null };

describe('energyNotInEstimateKwh', () => {
  it('is the idle drain over the time until then when no task is pending', () => {
    const result = energyNotInEstimateKwh({ ...query, untilMs: 3 * HOUR_MS, idleDrainKwhPerHour: 2.8 });
    expect(result.energyKwh).toBeCloseTo(8.4, 9);
    expect(result.sigmaKwh).toBe(0);
  });

  it.each([
    ['a task in progress without a reading since its start: all of it', null, 30],
    ['a task in progress with a reading since its start: what is left of it', -5 * MINUTE_MS, 20],
  ])('%s', (_name, lastDirectReadingMs, energyKwh) => {
    // 30 kWh over 30 minutes, begun 10 minutes ago; the next task starts in an hour.
    const result = energyNotInEstimateKwh({
      ...query,
      untilMs: HOUR_MS,
      tasks: [task(-10, 20, 30, 3)],
      lastDirectReadingMs,
    });
    expect(result.energyKwh).toBeCloseTo(energyKwh, 9);
    expect(result.sigmaKwh).toBeCloseTo((3 * energyKwh) / 30, 9);
  });

  it('drains only outside tasks, counting overlapping tasks once', () => {
    const result = energyNotInEstimateKwh({
      ...query,
      untilMs: 2 * HOUR_MS,
      tasks: [task(30, 60, 6), task(45, 90, 9)],
      idleDrainKwhPerHour: 1,
    });
    // Tasks cover 30-90 min: 1 h of the 2 h is idle.
    expect(result.energyKwh).toBeCloseTo(6 + 9 + 1, 9);
  });

  it('counts only the part of a task before `untilMs`, and a task already drawn up to now when asked for now', () => {
    expect(energyNotInEstimateKwh({ ...query, untilMs: 15 * MINUTE_MS, tasks: [task(0, 30, 30)] }).energyKwh).toBe(15);
    expect(
      energyNotInEstimateKwh({ ...query, fromMs: 10 * MINUTE_MS, untilMs: 10 * MINUTE_MS, tasks: [task(0, 30, 30)] })
        .energyKwh,
    ).toBe(10);
  });

  it('takes a zero-length task whole at its start', () => {
    expect(energyNotInEstimateKwh({ ...query, untilMs: HOUR_MS, tasks: [task(5, 5, 4)] }).energyKwh).toBe(4);
    expect(energyNotInEstimateKwh({ ...query, untilMs: HOUR_MS, tasks: [task(65, 65, 4)] }).energyKwh).toBe(0);
  });

  it('refuses a negative drain or task energy', () => {
    expect(() => energyNotInEstimateKwh({ ...query, idleDrainKwhPerHour: -1 })).toThrow(RangeError);
    expect(() => energyNotInEstimateKwh({ ...query, tasks: [task(0, 1, -2)] })).toThrow(RangeError);
  });
});
