import { vehicleAcceptedPowerW } from './virtual-vehicle';

describe('vehicleAcceptedPowerW', () => {
  const ev = { idTag: 'EV', batteryKwh: 75, socPercent: 50, maxKw: 120 };

  it.each([
    [10, 120_000],
    [80, 120_000],
    [90, 60_000],
    [95, 30_000],
    [100, 0],
  ])('at %d %% SoC accepts %d W (linear taper above 80 %%)', (soc, watts) => {
    expect(vehicleAcceptedPowerW(ev, soc)).toBeCloseTo(watts, 6);
  });

  it('honours a custom taper start', () => {
    expect(vehicleAcceptedPowerW({ ...ev, taperStartPercent: 60 }, 80)).toBeCloseTo(60_000, 6);
  });
});
