import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('fires timers in due order at their due time and ends at the target time', async () => {
    const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now().toISOString()}`), 2000);
    clock.setTimeout(() => fired.push(`a@${clock.now().toISOString()}`), 1000);
    const cancelled = clock.setTimeout(() => fired.push('never'), 1500);
    clock.clearTimeout(cancelled);
    await clock.advance(5000);
    expect(fired).toEqual(['a@2026-11-22T06:00:01.000Z', 'b@2026-11-22T06:00:02.000Z']);
    expect(clock.now().toISOString()).toBe('2026-11-22T06:00:05.000Z');
    expect(clock.pendingTimers).toBe(0);
  });

  it('runs timers scheduled by timers within the same advance (periodic rescheduling)', async () => {
    const clock = new ManualClock();
    let ticks = 0;
    const tick = () => {
      ticks++;
      clock.setTimeout(tick, 60_000);
    };
    clock.setTimeout(tick, 60_000);
    await clock.advance(3600_000);
    expect(ticks).toBe(60);
  });
});
