import { aSite, aTask, aVehicle } from '../support/fixtures';
import { ADMIN_TOKEN, TestApp } from '../support/test-app';

export interface DispatchSite {
  siteId: string;
  /** Vehicle id by fleet number. */
  vehicles: Record<string, string>;
  /** Task id by flightRef. */
  tasks: Record<string, string>;
}

const HOUR_MS = 3600_000;

/** A task `hoursAhead` from now lasting 30 minutes, as the API takes it. */
export function taskAt(siteId: string, flightRef: string, hoursAhead: number, overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + hoursAhead * HOUR_MS);
  return aTask(siteId, {
    flightRef,
    vehiclesNeeded: 1,
    start: start.toISOString(),
    end: new Date(start.getTime() + 0.5 * HOUR_MS).toISOString(),
    ...overrides,
  });
}

/** An airport site with buses (and one tractor) and tasks in the next hours, created by the admin. */
export async function createDispatchSite(
  app: TestApp,
  code: string,
  fleet: { buses: string[]; tractors?: string[] },
  tasks: Record<string, unknown>[],
): Promise<DispatchSite> {
  const admin = app.http(ADMIN_TOKEN);
  const siteId = (await admin.post('/api/v1/sites').send(aSite({ code })).expect(201)).body.id as string;
  const vehicles: Record<string, string> = {};
  const add = async (fleetNumber: string, type: string) => {
    const body = aVehicle(siteId, { fleetNumber, type });
    vehicles[fleetNumber] = (await admin.post('/api/v1/vehicles').send(body).expect(201)).body.id;
  };
  for (const bus of fleet.buses) await add(bus, 'apron-bus');
  for (const tractor of fleet.tractors ?? []) await add(tractor, 'baggage-tractor');
  const taskIds: Record<string, string> = {};
  for (const task of tasks) {
    const created = await admin
      .post('/api/v1/tasks')
      .send({ ...task, siteId })
      .expect(201);
    taskIds[created.body.flightRef] = created.body.id;
  }
  return { siteId, vehicles, tasks: taskIds };
}

export interface SolvedPlan {
  input: { vehicles: { id: string }[]; tasks: { id: string; pinnedVehicles?: string[] }[] };
  result: { assignments: { taskId: string; vehicleId: string }[]; unserved: { taskId: string }[] };
}

export async function solveNow(app: TestApp, token: string, siteId: string): Promise<SolvedPlan> {
  const response = await app.http(token).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
  if (!response.body.ran) throw new Error(`no tick ran: ${response.body.reason}`);
  return response.body.run as SolvedPlan;
}

export function vehiclesOn(plan: SolvedPlan, taskId: string): string[] {
  return plan.result.assignments
    .filter((assignment) => assignment.taskId === taskId)
    .map((assignment) => assignment.vehicleId)
    .sort();
}
