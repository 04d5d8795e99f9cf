/**
 * `npm run demo`: the service on a simulated clock with a Guangzhou airport depot and a holiday highway service area
 * around it. Simulated time runs `speed` times faster than real time, one simulated minute per step; when the machine
 * cannot keep up, simulated time slows down rather than running ahead of the service.
 */
import { ManualClock } from '../../libs/simulator/src/charge-point';
import { DemoOptions } from './demo-options';
import { startDemoService } from './demo-service';
import { LoopbackApi } from './loopback-api';
import { Pacer } from './pacer';
import { PlanRunStats } from './report/plan-run-stats';
import { progressLine, ReportInput, summary } from './report/progress-report';
import { localTime } from './sites/guangdong-time';
import { DemoWorld } from './world/demo-world';
import { createApiKey } from './world/seed-sites';

export interface DemoRun {
  /** Ends the run after the current step (Ctrl-C). */
  stop(): void;
  finished: Promise<void>;
}

const MINUTE_MS = 60_000;
/** Until the service configures its own (APRON_FLEET_METER_SAMPLE_INTERVAL_SECONDS, demo-service.ts). */
const METER_INTERVAL_SECONDS = 300;
const FIRST_TICK_TIMEOUT_MS = 60_000;

export function runDemo(options: DemoOptions, print: (line: string) => void): DemoRun {
  let stopping = false;
  const finished = run(options, print, () => stopping);
  return { stop: () => (stopping = true), finished };
}

async function run(options: DemoOptions, print: (line: string) => void, stopping: () => boolean): Promise<void> {
  const clock = new ManualClock(localTime(options.date, options.startLocal));
  print(
    `Starting Apron on an embedded database, simulated ${options.date} from ${options.startLocal} (Asia/Shanghai)...`,
  );
  const service = await startDemoService({
    port: options.port,
    dataDir: options.dataDir,
    tickSeconds: options.tickSeconds,
    solveTimeLimitSeconds: solveTimeLimitSeconds(options.tickSeconds),
    logLevel: options.logLevel,
    clock,
  });
  let world: DemoWorld | undefined;
  try {
    const admin = new LoopbackApi(service.baseUrl, service.adminToken);
    print('Seeding the airport depot and the highway service area through the admin API, connecting chargers...');
    const seedingStartedMs = performance.now();
    world = await DemoWorld.create({
      baseUrl: service.baseUrl,
      adminToken: service.adminToken,
      clock,
      seed: options.seed,
      hours: options.hours,
      meterIntervalSeconds: METER_INTERVAL_SECONDS,
    });
    const dashboardKey = await createApiKey(admin, 'demo dashboard', 'dispatcher');
    print(`Ready in ${((performance.now() - seedingStartedMs) / 1000).toFixed(1)} s.`);
    print('');
    print(`  Dashboard:  ${service.baseUrl}/`);
    print(`  Sign in:    ${dashboardKey}   (dispatcher key; admin token: ${service.adminToken})`);
    print(`  API docs:   ${service.baseUrl}/docs`);
    print(
      `  ${world.chargePoints.length} chargers on OCPP; ${options.speed}x speed; a scheduling tick per site every ` +
        `${options.tickSeconds} s (~${((options.tickSeconds * options.speed) / 60).toFixed(0)} simulated min); Ctrl-C stops`,
    );
    print('');
    print('Waiting for the first scheduling tick of both sites...');
    await firstTicks(admin, [world.airportSiteId, world.highwaySiteId], stopping);
    await simulate(world, options, admin, print, stopping);
  } finally {
    await world?.stop();
    await service.stop();
    if (!service.temporary) print(`Embedded database kept in ${service.dataDir}`);
  }
}

async function simulate(
  world: DemoWorld,
  options: DemoOptions,
  api: LoopbackApi,
  print: (line: string) => void,
  stopping: () => boolean,
): Promise<void> {
  const airportRuns = new PlanRunStats(api, world.airportSiteId);
  const highwayRuns = new PlanRunStats(api, world.highwaySiteId);
  const pacer = new Pacer(options.speed / 1);
  const report = async (): Promise<ReportInput> => {
    await Promise.all([airportRuns.poll(), highwayRuns.poll()]).catch(() => undefined);
    return {
      world,
      hours: options.hours,
      achievedSpeed: pacer.achievedSpeed(world.elapsedMinutes * MINUTE_MS),
      airportRuns: airportRuns.figures(),
      highwayRuns: highwayRuns.figures(),
    };
  };
  const totalMinutes = Math.round(options.hours * 60);
  let nextReportMs = performance.now() + options.progressSeconds * 1000;
  pacer.start();
  while (world.elapsedMinutes < totalMinutes && !stopping()) {
    await world.step();
    await pacer.keepPace(world.elapsedMinutes * MINUTE_MS);
    if (performance.now() >= nextReportMs) {
      nextReportMs = performance.now() + options.progressSeconds * 1000;
      print(progressLine(await report()));
    }
  }
  print('');
  print(summary(await report()));
}

/** Simulated time stands still until both sites have had a scheduling tick, so the day starts under a plan. */
async function firstTicks(api: LoopbackApi, siteIds: string[], stopping: () => boolean): Promise<void> {
  const deadlineMs = performance.now() + FIRST_TICK_TIMEOUT_MS;
  for (const siteId of siteIds) {
    for (;;) {
      const page = await api.get<{ items: { trigger: string }[] }>(`/api/v1/sites/${siteId}/plan-runs?limit=5`);
      if (page.items.some((run) => run.trigger === 'tick') || stopping()) break;
      if (performance.now() > deadlineMs) throw new Error(`site ${siteId} had no scheduling tick within a minute`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * A warm airport solve takes 0.7–1.6 s on two busy cores (measured); a solve that hits the limit falls back, so the
 * limit has headroom over the tick. A tick that is due while one runs is skipped, not queued.
 */
function solveTimeLimitSeconds(tickSeconds: number): number {
  return Math.max(3, tickSeconds);
}
