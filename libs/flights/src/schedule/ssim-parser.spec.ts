import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_RUN_COUNTS } from '../../../../test/flights/ssim-sample-counts';
import { parseSsim } from './ssim-parser';
import { ssimFile, ssimLegRecord, SsimLegSpec } from './ssim-writer';

const leg = (overrides: Partial<SsimLegSpec> = {}): SsimLegSpec => ({
  carrier: 'CZ',
  number: 3101,
  periodFrom: '07DEC26',
  periodTo: '13DEC26',
  days: '1234567',
  from: 'PEK',
  departure: '0430',
  departureOffset: '+0800',
  to: 'CAN',
  arrival: '0730',
  arrivalOffset: '+0800',
  aircraftType: '321',
  ...overrides,
});
const parse = (legs: SsimLegSpec[], mode: 'L' | 'U' = 'L', bounds = {}) =>
  parseSsim(ssimFile('CZ', mode, legs), { station: 'CAN', ...bounds });
const withColumn = (record: string, column: number, text: string) =>
  record.slice(0, column - 1) + text + record.slice(column - 1 + text.length);

describe('parseSsim', () => {
  it('expands a period with days of the week into one arrival per operating date, local times to UTC', () => {
    const result = parse([leg({ days: '1 3 5  ' })]);
    expect(result.errors).toEqual([]);
    // 7 Dec 2026 is a Monday: Mon 7, Wed 9, Fri 11.
    expect(result.flights.map((f) => f.operatingDate)).toEqual(['2026-12-07', '2026-12-09', '2026-12-11']);
    expect(result.flights[0]).toMatchObject({
      carrier: 'CZ',
      number: '3101',
      direction: 'arrival',
      aircraftType: '321',
    });
    expect(result.flights[0].scheduledTime.toISOString()).toBe('2026-12-06T23:30:00.000Z');
    expect(result.range).toEqual({ from: '2026-12-07', to: '2026-12-13' });
  });

  it('reads UTC mode times as UTC, honours fortnightly frequency and the from/to bounds', () => {
    const fortnightly = leg({ periodTo: '27DEC26', days: '1      ', frequency: '2', from: 'CAN', to: 'PEK' });
    const result = parse([fortnightly], 'U', { from: '2026-12-01', to: '2026-12-31' });
    expect(result.flights.map((f) => [f.operatingDate, f.direction])).toEqual([
      ['2026-12-07', 'departure'],
      ['2026-12-21', 'departure'],
    ]);
    expect(result.flights[0].scheduledTime.toISOString()).toBe('2026-12-07T04:30:00.000Z');
    expect(parse([leg()], 'L', { from: '2026-12-10', to: '2026-12-11' }).flights).toHaveLength(2);
  });

  it('applies date variations; a blank arrival variation puts the arrival after the departure', () => {
    const night = leg({ departure: '2330', arrival: '0230', arrivalDateVariation: ' ', periodTo: '07DEC26' });
    expect(parse([night]).flights[0].scheduledTime.toISOString()).toBe('2026-12-07T18:30:00.000Z');
    const secondLeg = leg({
      from: 'CAN',
      to: 'SYD',
      departure: '0100',
      departureDateVariation: '1',
      arrival: '1300',
      arrivalOffset: '+1100',
      arrivalDateVariation: '1',
      periodTo: '07DEC26',
    });
    const flight = parse([secondLeg]).flights[0];
    expect(flight).toMatchObject({ operatingDate: '2026-12-07', direction: 'departure' });
    expect(flight.scheduledTime.toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });

  it('keeps legs of one itinerary at the station apart by direction, and the seats of the configuration', () => {
    const through = [
      leg({ legSequence: 1, configuration: 'J12Y150VV321' }),
      leg({ legSequence: 2, from: 'CAN', to: 'SYD', departure: '0900', arrival: '2000', arrivalOffset: '+1100' }),
    ];
    const result = parse(through, 'L', { to: '2026-12-07' });
    expect(result.flights.map((f) => [f.direction, f.seats])).toEqual([
      ['arrival', 162],
      ['departure', null],
    ]);
  });

  it('ignores legs elsewhere and rejects the whole file naming each bad line and column', () => {
    expect(parse([leg({ from: 'PEK', to: 'SHA' })]).flights).toEqual([]);
    const good = ssimLegRecord(leg());
    const bad = [
      withColumn(good, 15, '31FEB26'),
      withColumn(good, 22, '01DEC26'),
      withColumn(good, 31, 'x'),
      withColumn(good, 44, '2561'),
      good.slice(0, 150),
    ];
    const file = ssimFile('CZ', 'L', []).replace(/^(2.*)$/m, `$1\n${[good, ...bad].join('\n')}`);
    const result = parseSsim(file, { station: 'CAN' });
    expect(result.flights).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 15],
      [5, 22],
      [6, 31],
      [7, 44],
      [8, 1],
    ]);
    expect(result.errors[1].message).toContain('before it begins');
    const unknownMode = parseSsim(ssimFile('CZ', 'X' as 'L', [leg()]), { station: 'CAN' });
    expect(unknownMode.errors).toEqual([expect.objectContaining({ line: 2, column: 2 })]);
  });

  it('checks the leg sequence of an itinerary: a number twice is an error, a gap in the route a warning', () => {
    const first = leg({ legSequence: 1, from: 'PEK', to: 'WUH', periodTo: '07DEC26' });
    const twice = parse([first, leg({ legSequence: 1, from: 'WUH', periodTo: '07DEC26' })]);
    expect(twice.errors).toEqual([expect.objectContaining({ line: 4, column: 12 })]);
    const gap = parse([first, leg({ legSequence: 2, from: 'SHA', periodTo: '07DEC26' })]);
    expect(gap.errors).toEqual([]);
    expect(gap.warnings).toEqual([
      { line: 4, message: expect.stringContaining('leaves SHA, but leg 1 arrives at WUH') },
    ]);
    expect(gap.flights).toHaveLength(1);
  });

  it('reports a flight that a file states twice', () => {
    const result = parse([leg(), leg({ periodFrom: '13DEC26', periodTo: '20DEC26' })]);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 4, column: 6, message: expect.stringContaining('2026-12-13') }),
    ]);
  });
});

describe('parseSsim on the real sample', () => {
  const sample = readFileSync(join(__dirname, '../../../../../shared/data/ssim/sample.ssim'), 'latin1');

  it.each(Object.entries(SAMPLE_RUN_COUNTS))('finds the legs operating at RUN on %s', (date, counts) => {
    const result = parseSsim(sample, { station: 'RUN', from: date, to: date });
    expect(result.errors).toEqual([]);
    // The vendor's file has itineraries whose legs do not connect (flight 974: RUN-DZA, then CDG-RUN): reported only.
    for (const warning of result.warnings)
      expect(warning.message).toMatch(/^leg \d+ of flight XX \d+ leaves [A-Z]{3}, but/);
    const count = (direction: string) => result.flights.filter((f) => f.direction === direction).length;
    expect({ departures: count('departure'), arrivals: count('arrival') }).toEqual(counts);
  });

  it('puts flight 42 (DZA 23:30+03, RUN 02:30+04, blank date variation) into RUN after its departure', () => {
    const result = parseSsim(sample, { station: 'RUN', from: '2005-06-09', to: '2005-06-09' });
    const flight = result.flights.find((f) => f.number === '42');
    expect(flight?.scheduledTime.toISOString()).toBe('2005-06-09T22:30:00.000Z');
  });
});
