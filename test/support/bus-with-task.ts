import { aTask, aVehicle } from './fixtures';
import { TestApp } from './test-app';

/**
 * One bus of the charger `identity` (fleet number BUS-<identity>, idTag TAG-<identity>) and a 60 kWh, 30-minute task
 * for it starting at `taskStart`: a heavy task soon, so the plan must charge the bus now.
 */
export async function addBusWithHeavyTask(
  admin: ReturnType<TestApp['http']>,
  siteId: string,
  identity: string,
  taskStart: Date,
  vehicle: Record<string, unknown> = {},
): Promise<void> {
  await admin
    .post('/api/v1/vehicles')
    .send(aVehicle(siteId, { fleetNumber: `BUS-${identity}`, idTag: `TAG-${identity}`, ...vehicle }))
    .expect(201);
  await admin
    .post('/api/v1/tasks')
    .send(
      aTask(siteId, {
        flightRef: `CZ-${identity}`,
        vehiclesNeeded: 1,
        energyKwhPerVehicle: 60,
        start: taskStart.toISOString(),
        end: new Date(taskStart.getTime() + 30 * 60_000).toISOString(),
      }),
    )
    .expect(201);
}

/** Flat price all day, so only the grid limit and the bus's next task shape the plan. */
export const FLAT_TARIFF = {
  currency: 'CNY',
  timeOfUse: [
    { band: 'flat', startLocal: '00:00', endLocal: '12:00', pricePerKwh: 0.5 },
    { band: 'flat', startLocal: '12:00', endLocal: '00:00', pricePerKwh: 0.5 },
  ],
};
