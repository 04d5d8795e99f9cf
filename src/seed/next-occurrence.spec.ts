import { scheduleFromNow } from './next-occurrence';

const HEADER = 'carrier,number,operatingDate,direction,scheduledTime,stand,passengers,aircraftType';

describe('scheduleFromNow', () => {
  // 2026-12-07 21:30 UTC is 05:30 on 8 December in Guangzhou (+08:00).
  const now = new Date('2026-12-07T21:30:00Z');

  it('moves each flight to the next time its local clock time comes round, in the next 24 hours', () => {
    const csv = [
      HEADER,
      'CZ,3101,2026-01-15,arrival,2026-01-15T06:10:00+08:00,R201,172,321',
      'MU,3103,2026-01-15,departure,2026-01-15T05:00:00+08:00,R202,158,320',
      '',
    ].join('\n');
    expect(scheduleFromNow(csv, now).split('\n')).toEqual([
      HEADER,
      'CZ,3101,2026-12-08,arrival,2026-12-08T06:10:00+08:00,R201,172,321',
      // 05:00 local has passed: tomorrow's.
      'MU,3103,2026-12-09,departure,2026-12-09T05:00:00+08:00,R202,158,320',
      '',
    ]);
  });

  it('keeps the offset of each row, west of Greenwich too', () => {
    const csv = [HEADER, 'AA,100,2026-01-15,departure,2026-01-15T17:00:00-05:00,,,'].join('\n');
    // 21:30 UTC is 16:30 in New York (-05:00): 17:00 is still today there.
    expect(scheduleFromNow(csv, now).split('\n')[1]).toBe('AA,100,2026-12-07,departure,2026-12-07T17:00:00-05:00,,,');
  });

  it('refuses a schedule whose times it cannot move', () => {
    expect(() => scheduleFromNow(`${HEADER}\nCZ,1,2026-01-15,arrival,07:30,R201,1,321`, now)).toThrow(/scheduledTime/);
    expect(() => scheduleFromNow('carrier,number\nCZ,1', now)).toThrow(/operatingDate and scheduledTime/);
  });
});
