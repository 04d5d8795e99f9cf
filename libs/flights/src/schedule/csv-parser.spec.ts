import { parseFlightCsv } from './csv-parser';

const HEADER = 'carrier,number,operatingDate,direction,scheduledTime,stand,passengers,aircraftType';

describe('parseFlightCsv', () => {
  it('reads the §8 columns in any order, with empty optional cells and extra columns', () => {
    const csv = [
      'direction,scheduledTime,carrier,number,operatingDate,remark,passengers,stand,aircraftType',
      'arrival,2026-12-08T07:30:00+08:00,CZ,3101,2026-12-08,"late, again",172,R201,321',
      'departure,2026-12-08T09:00:00+08:00,CZ,03102,2026-12-08,,,,',
    ].join('\n');
    const result = parseFlightCsv(csv, { station: 'CAN' });
    expect(result.errors).toEqual([]);
    expect(result.flights).toEqual([
      expect.objectContaining({ number: '3101', stand: 'R201', passengers: 172, aircraftType: '321', line: 2 }),
      expect.objectContaining({ number: '3102', stand: null, passengers: null, aircraftType: null, line: 3 }),
    ]);
    expect(result.flights[0].scheduledTime.toISOString()).toBe('2026-12-07T23:30:00.000Z');
  });

  it('rejects missing columns, and names line and column of each bad cell', () => {
    expect(parseFlightCsv('carrier,number,direction\nCZ,1,arrival', { station: 'CAN' }).errors).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('operatingDate, scheduledTime') }),
    ]);
    const csv = [
      HEADER,
      'CZ,3101,2026-02-30,arrival,2026-12-08T07:30:00+08:00,,,',
      'CZ,3102,2026-12-08,inbound,07:30,,-3,',
    ];
    const errors = parseFlightCsv(csv.join('\n'), { station: 'CAN' }).errors.map((e) => [e.line, e.column]);
    expect(errors).toEqual([
      [2, 3],
      [3, 4],
      [3, 5],
      [3, 7],
    ]);
  });

  it('skips operating dates outside from/to', () => {
    const csv = [
      HEADER,
      'CZ,1,2026-12-08,arrival,2026-12-08T07:30:00+08:00,,,',
      'CZ,1,2026-12-09,arrival,2026-12-09T07:30:00+08:00,,,',
    ];
    expect(parseFlightCsv(csv.join('\n'), { station: 'CAN', from: '2026-12-09' }).flights).toHaveLength(1);
  });
});
