import { energyFallbacks, socDropPercent } from './task-energy';

const bus = (kwhPerKm: number | null, kwhPerTask: number | null = null) => ({
  type: 'apron-bus',
  consumptionKwhPerKm: kwhPerKm,
  consumptionKwhPerTask: kwhPerTask,
});

describe('energyFallbacks', () => {
  it('uses the vehicle and the median of its type', () => {
    expect(energyFallbacks(bus(1.2), [bus(1.0), bus(1.2), bus(2.0), bus(null)])).toEqual({
      vehicleKwhPerKm: 1.2,
      vehicleKwhPerTask: null,
      fleetDefaultKwhPerKm: 1.2,
      fleetDefaultKwhPerTask: null,
    });
  });

  it('averages the middle two of an even count', () => {
    expect(energyFallbacks(null, [bus(null, 8), bus(null, 10)]).fleetDefaultKwhPerTask).toBe(9);
  });
});

describe('socDropPercent', () => {
  const readings = [
    { atMs: 0, socPercent: 80 },
    { atMs: 10, socPercent: 79 },
    { atMs: 50, socPercent: 70 },
    { atMs: 60, socPercent: 69 },
  ];

  it('takes the last reading before the start and the first after the end', () => {
    expect(socDropPercent(readings, 20, 40)).toEqual({ dropPercent: 9, beforeMs: 10, afterMs: 50 });
  });

  it('is null without a reading on both sides', () => {
    expect(socDropPercent(readings, 20, 70)).toBeNull();
    expect(socDropPercent(readings.slice(2), 20, 40)).toBeNull();
  });
});
