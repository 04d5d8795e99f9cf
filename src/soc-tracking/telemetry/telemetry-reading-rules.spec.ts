import { validateTelemetryReading } from './telemetry-reading-rules';

const NOW = Date.parse('2026-11-22T06:00:00Z');
const check = (item: unknown) => validateTelemetryReading(item, 3, NOW, 120);
const errorsOf = (item: unknown) => {
  const result = check(item);
  return 'errors' in result ? result.errors : [];
};

describe('validateTelemetryReading', () => {
  it('accepts a full reading', () => {
    expect(
      check({
        vehicle: 'BUS-01',
        time: '2026-11-22T05:59:00Z',
        socPercent: 64.5,
        odometerKm: 12_345,
        position: { lat: 23.39, lon: 113.3 },
        state: 'driving',
      }),
    ).toEqual({
      reading: {
        index: 3,
        vehicle: 'BUS-01',
        at: new Date('2026-11-22T05:59:00Z'),
        socPercent: 64.5,
        odometerKm: 12_345,
        latitude: 23.39,
        longitude: 113.3,
        state: 'driving',
      },
    });
  });

  it('tolerates a small clock skew', () => {
    expect('reading' in check({ vehicle: 'BUS-01', time: '2026-11-22T06:01:30Z', socPercent: 50 })).toBe(true);
  });

  it.each([
    [{ vehicle: 'BUS-01', time: '2026-11-22T05:00:00Z', socPercent: 140 }, 'socPercent', /0–100, got 140/],
    [{ vehicle: 'BUS-01', time: '2026-11-22T07:00:00Z', socPercent: 50 }, 'time', /in the future/],
    [{ vehicle: 'BUS-01', time: '22/11/2026', socPercent: 50 }, 'time', /ISO-8601/],
    [{ vehicle: '', time: '2026-11-22T05:00:00Z', socPercent: 50 }, 'vehicle', /fleet number or id/],
    [{ vehicle: 'BUS-01', time: '2026-11-22T05:00:00Z', socPercent: '50' }, 'socPercent', /must be a number/],
    [{ vehicle: 'BUS-01', time: '2026-11-22T05:00:00Z', position: { lat: 91, lon: 0 } }, 'position.lat', /-90–90/],
    [{ vehicle: 'BUS-01', time: '2026-11-22T05:00:00Z', socPercent: 5, fuel: 3 }, 'fuel', /unknown field/],
    [{ vehicle: 'BUS-01', time: '2026-11-22T05:00:00Z' }, '', /at least one/],
  ])('rejects %j at %s', (item, field, message) => {
    const errors = errorsOf(item);
    expect(errors).toEqual(expect.arrayContaining([{ index: 3, field, message: expect.stringMatching(message) }]));
  });

  it.each([
    ['state', { vehicle: 'BUS-01', time: '2026-11-22T05:00:00Z', state: 'a\u0000b' }, /NUL/],
    ['vehicle', { vehicle: 'BUS-\ud800', time: '2026-11-22T05:00:00Z', socPercent: 5 }, /surrogate/],
  ])('rejects text PostgreSQL cannot store, in %s', (field, item, message) => {
    expect(errorsOf(item)).toEqual([{ index: 3, field, message: expect.stringMatching(message) }]);
  });

  it('rejects what is no object', () => {
    expect(errorsOf('BUS-01')).toEqual([{ index: 3, field: '', message: 'a reading must be an object' }]);
  });
});
