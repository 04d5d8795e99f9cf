/**
 * `npm run bench -- flights [--flights 50000]`: a season's SSIM file imported through the API. The file has 200 daily
 * legs at CAN (half arriving, half departing) over enough days to make the asked number of flights; every flight is
 * at an unknown stand, so each also gets a bus task. Runs the built service (a child process, as the ocpp group
 * does, with the scheduler off) on a fresh database of the DATABASE_URL server (default the local PostgreSQL). One JSON line per step: the pure parse, the first import
 * (flights and tasks created), the same file again (nothing changes), and a file with one leg moved.
 */
import { parseSsim, ssimFile, SsimLegSpec } from '@apron/flights';
import { aSite } from '../support/fixtures';
import { BENCH_TOKEN, build, startBenchServer } from './ocpp/bench-server';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const LEGS_PER_DAY = 200;
const TYPES = ['320', '321', '333', '738', '77W', '789', '73H'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function ssimDate(day: Date): string {
  const dd = String(day.getUTCDate()).padStart(2, '0');
  return `${dd}${MONTHS[day.getUTCMonth()]}${String(day.getUTCFullYear()).slice(2)}`;
}

/** 200 daily legs from 1 Jan 2027 for `days` days; `shiftMinutes` moves the first leg (a changed file). */
export function seasonFile(days: number, shiftMinutes = 0): string {
  const from = new Date(Date.UTC(2027, 0, 1));
  const to = new Date(from.getTime() + (days - 1) * 86_400_000);
  const legs: SsimLegSpec[] = [];
  for (let i = 0; i < LEGS_PER_DAY; i++) {
    const minutes = 6 * 60 + Math.floor((i * 17 * 60) / LEGS_PER_DAY) + (i === 0 ? shiftMinutes : 0);
    const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
    const arriving = i % 2 === 0;
    legs.push({
      carrier: 'CZ',
      number: 1000 + i,
      periodFrom: ssimDate(from),
      periodTo: ssimDate(to),
      days: '1234567',
      from: arriving ? 'PEK' : 'CAN',
      departure: arriving ? '0100' : clock,
      departureOffset: '+0800',
      to: arriving ? 'CAN' : 'PEK',
      arrival: arriving ? clock : '2350',
      arrivalOffset: '+0800',
      aircraftType: TYPES[i % TYPES.length],
    });
  }
  return ssimFile('CZ', 'L', legs);
}

export async function run(args: string[]): Promise<void> {
  const index = args.indexOf('--flights');
  const flights = Math.min(200_000, Number(index >= 0 ? args[index + 1] : 50_000));
  const days = Math.ceil(flights / LEGS_PER_DAY);
  const file = seasonFile(days);
  const parseStart = performance.now();
  const parsed = parseSsim(file, { station: 'CAN' });
  line({
    step: 'parse',
    legRecords: LEGS_PER_DAY,
    days,
    flights: parsed.flights.length,
    ms: performance.now() - parseStart,
    bytes: file.length,
  });

  build();
  const server = await startBenchServer(process.env.DATABASE_URL ?? DEFAULT_SERVER, { APRON_SCHEDULER: 'off' });
  const api = (path: string, init: RequestInit) =>
    fetch(`http://127.0.0.1:${server.port}/api/v1${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${BENCH_TOKEN}`, ...init.headers },
    });
  try {
    const site = await api('/sites', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(aSite({ code: 'BENCH-CAN', iataCode: 'CAN' })),
    });
    const siteId = ((await site.json()) as { id: string }).id;
    const post = async (step: string, text: string) => {
      const started = performance.now();
      const response = await api(`/sites/${siteId}/flight-schedule`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: text,
      });
      const body = (await response.json()) as Record<string, number>;
      if (response.status !== 200) throw new Error(`${step}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
      const { created, updated, unchanged, cancelled } = body;
      const ms = performance.now() - started;
      line({ step, flights: parsed.flights.length, ms, created, updated, unchanged, cancelled, rssMb: server.rssMb() });
    };
    await post('import', file);
    await post('re-import', file);
    await post('one-leg-moved', seasonFile(days, 5));
  } finally {
    await server.stop();
  }
}

function line(fields: Record<string, unknown>): void {
  const rounded = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      typeof value === 'number' ? Math.round(value * 10) / 10 : value,
    ]),
  );
  console.log(JSON.stringify({ bench: 'flights', ...rounded }));
}
