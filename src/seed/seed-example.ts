/**
 * `npm run seed`: the example airport and highway service area of examples/, loaded the way a fleet manager would,
 * through the service's own HTTP API. What exists already (409) is kept; the flight schedule is re-imported, which
 * changes nothing already there (DESIGN.md §8).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, LoopbackApi } from '../demo/loopback-api';
import { scheduleFromNow } from './next-occurrence';

interface Created {
  id: string;
}

interface SitePage {
  items: { id: string; code: string }[];
  total: number;
}

export interface SeededSite {
  code: string;
  siteId: string;
  created: boolean;
}

export interface SeedReport {
  airport: SeededSite;
  highway: SeededSite;
  chargers: { created: number; existing: number };
  vehicles: { created: number; existing: number };
  soc: { accepted: number; rejected: { message: string }[] };
  flights: { created: number; updated: number; unchanged: number; cancelled: number };
  /** The plan the flight import set off (null if none came within the wait). */
  firstPlan: PlanSummary | null;
}

export interface PlanSummary {
  status: string;
  result: { assignments: unknown[]; unserved: unknown[] };
}

/** A flight import re-plans the site at once; waiting for that plan keeps a solve-now right after from being skipped. */
const FIRST_PLAN_WAIT_MS = 90_000;

type Body = Record<string, unknown>;

export async function seedExamples(api: LoopbackApi, examplesDir: string, now: Date): Promise<SeedReport> {
  const read = (file: string) => readFileSync(join(examplesDir, file), 'utf8');
  const json = <T>(file: string) => JSON.parse(read(file)) as T;
  const chargers = { created: 0, existing: 0 };
  const vehicles = { created: 0, existing: 0 };
  const count = (tally: { created: number; existing: number }, created: boolean) =>
    created ? tally.created++ : tally.existing++;

  const airport = await siteOf(api, json<Body>('airport/site.json'));
  for (const charger of json<Body[]>('airport/chargers.json')) {
    count(chargers, await createUnlessExists(api, '/api/v1/chargers', { ...charger, siteId: airport.siteId }));
  }
  for (const vehicle of json<Body[]>('airport/vehicles.json')) {
    count(vehicles, await createUnlessExists(api, '/api/v1/vehicles', { ...vehicle, siteId: airport.siteId }));
  }
  // The buses' state of charge now, as their telematics would report it: without it the plan assumes the reserve.
  const socPercent = json<Record<string, number>>('airport/soc.json');
  const readings = Object.entries(socPercent).map(([vehicle, percent]) => ({
    vehicle,
    time: now.toISOString(),
    socPercent: percent,
  }));
  const soc = await api.post<SeedReport['soc']>('/api/v1/telemetry', { readings });
  await api.put(`/api/v1/sites/${airport.siteId}/stands`, json<Body>('airport/stands.json'));
  const schedule = scheduleFromNow(read('airport/flights.csv'), now);
  const flights = await api.postText<SeedReport['flights']>(
    `/api/v1/sites/${airport.siteId}/flight-schedule`,
    'text/csv',
    schedule,
  );

  const firstPlan = await planAfterImport(api, airport.siteId);

  const highway = await siteOf(api, json<Body>('highway/site.json'));
  for (const charger of json<Body[]>('highway/chargers.json')) {
    count(chargers, await createUnlessExists(api, '/api/v1/chargers', { ...charger, siteId: highway.siteId }));
  }
  return { airport, highway, chargers, vehicles, soc, flights, firstPlan };
}

async function planAfterImport(api: LoopbackApi, siteId: string): Promise<PlanSummary | null> {
  const deadline = Date.now() + FIRST_PLAN_WAIT_MS;
  while (Date.now() < deadline) {
    try {
      return await api.get<PlanSummary>(`/api/v1/sites/${siteId}/plan`);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

/** The site with the body's code: created, or the one a former seed made. */
async function siteOf(api: LoopbackApi, body: Body): Promise<SeededSite> {
  const code = String(body.code);
  try {
    const { id } = await api.post<Created>('/api/v1/sites', body);
    return { code, siteId: id, created: true };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
  }
  for (let offset = 0; ; offset += 500) {
    const page = await api.get<SitePage>(`/api/v1/sites?limit=500&offset=${offset}`);
    const site = page.items.find((item) => item.code === code);
    if (site) return { code, siteId: site.id, created: false };
    if (offset + page.items.length >= page.total) throw new Error(`site ${code} exists but is not listed`);
  }
}

/** True when created, false when it exists already (409). */
async function createUnlessExists(api: LoopbackApi, path: string, body: Body): Promise<boolean> {
  try {
    await api.post(path, body);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return false;
    throw error;
  }
}
