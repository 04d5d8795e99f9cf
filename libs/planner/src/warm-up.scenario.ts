import { PlanInput } from './types/plan-input';

/**
 * A small synthetic airport-with-sessions day, planned a few times by `Planner.warmUp()`: V8 first runs the HiGHS
 * WASM on baseline code and only optimises functions that get hot, so the first real solves of a fresh worker are
 * several times slower (measured 350 ms vs 25 ms for the same highway LP). Solving this once or twice at start-up
 * moves that cost out of the first ticks.
 */
export function warmUpScenario(): PlanInput {
  const start = '2026-01-01T00:00:00Z';
  const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString();
  const vehicles = Array.from({ length: 12 }, (_, i) => ({
    id: `W-${i}`,
    type: 'bus',
    batteryKwh: 200,
    socPercent: 30 + ((i * 37) % 60),
    maxChargeKw: 100,
    chargeEfficiency: 0.93,
    turnaroundMinutes: 5,
  }));
  const tasks = Array.from({ length: 40 }, (_, k) => ({
    id: `WT-${k}`,
    vehicleType: 'bus',
    start: at(20 + ((k * 53) % 400)),
    end: at(50 + ((k * 53) % 400)),
    energyKwhPerVehicle: 10 + (k % 7) * 3,
  }));
  const sessions = Array.from({ length: 10 }, (_, s) => ({
    id: `WS-${s}`,
    chargerId: `WC-${s % 5}`,
    batteryKwh: 75,
    socPercent: 15 + s * 5,
    departure: at(60 + s * 20),
  }));
  return {
    version: 1,
    site: { id: '__warm-up__', kind: 'airport', gridLimitKw: 600, baseLoadKw: 20 },
    start,
    slots: [
      { minutes: 5, count: 12 },
      { minutes: 15, count: 12 },
      { minutes: 60, count: 4 },
    ],
    pricePerKwh: [
      { from: start, price: 0.12 },
      { from: at(240), price: 0.28 },
    ],
    chargers: Array.from({ length: 5 }, (_, c) => ({
      id: `WC-${c}`,
      connectors: 4,
      maxKwPerConnector: 100,
      maxKw: 300,
    })),
    vehicles,
    tasks,
    sessions,
  };
}
