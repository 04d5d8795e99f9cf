/** The demo's live progress line and its end-of-day summary, from the world's counters and the plan-run figures. */
import { localHhmm } from '../sites/guangdong-time';
import { DemoWorld } from '../world/demo-world';
import { PlanRunFigures } from './plan-run-stats';

export interface ReportInput {
  world: DemoWorld;
  hours: number;
  achievedSpeed: number;
  airportRuns: PlanRunFigures;
  highwayRuns: PlanRunFigures;
}

const kw = (value: number) => Math.round(value).toLocaleString('en-US');

function elapsed(minutes: number): string {
  return `${Math.floor(minutes / 60)}h${String(Math.floor(minutes % 60)).padStart(2, '0')}`;
}

export function progressLine({ world, hours, achievedSpeed, airportRuns, highwayRuns }: ReportInput): string {
  const tasks = world.airport.ledger.counts();
  const ev = world.highway.counts();
  const a = world.airportMeter;
  const h = world.highwayMeter;
  return [
    `[${localHhmm(world.clock.now())} local, ${elapsed(world.elapsedMinutes)} of ${hours}h, ${Math.round(achievedSpeed)}x,` +
      ` ${Math.round(process.memoryUsage().rss / 1_048_576)} MB]`,
    `airport: ${tasks.onTime} on time, ${tasks.late} late, ${tasks.missed} missed of ${tasks.due} due;`,
    `${kw(a.last?.siteKw ?? 0)}/${kw(a.gridLimitKw)} kW (peak ${kw(a.peakKw)});`,
    `solve p50 ${Math.round(airportRuns.solveMsP50)} ms`,
    `| highway: ${ev.charging} charging, ${ev.waiting} waiting, ${ev.gaveUp} drove on;`,
    `${kw(h.last?.siteKw ?? 0)}/${kw(h.gridLimitKw)} kW (peak ${kw(h.peakKw)}); ${kw(ev.deliveredKwh)} kWh;`,
    `solve p50 ${Math.round(highwayRuns.solveMsP50)} ms`,
  ].join(' ');
}

export function summary({ world, hours, achievedSpeed, airportRuns, highwayRuns }: ReportInput): string {
  const tasks = world.airport.ledger.counts();
  const ev = world.highway.counts();
  const a = world.airportMeter;
  const h = world.highwayMeter;
  const memoryMb = Math.round(process.memoryUsage().rss / 1_048_576);
  const runs = (r: PlanRunFigures) =>
    `${r.runs} ticks about every ${r.minutesBetweenTicks.toFixed(1)} simulated min; solve p50 ${Math.round(r.solveMsP50)} ms, ` +
    `p95 ${Math.round(r.solveMsP95)} ms, max ${Math.round(r.solveMsMax)} ms; longest tick ${Math.round(r.tickMsMax)} ms; ` +
    `${r.fallbacks} fallback, ${r.keptLast} kept-last`;
  const lines = [
    `Demo summary: ${elapsed(world.elapsedMinutes)} simulated of ${hours}h at ${Math.round(achievedSpeed)}x, memory ${memoryMb} MB`,
    `  Airport (Guangzhou remote-stand depot): ${tasks.due} of ${tasks.total} tasks due: ${tasks.onTime} on time, ` +
      `${tasks.late} late (worst ${tasks.worstLateMinutes.toFixed(0)} min), ${tasks.missed} missed; ` +
      `${tasks.departuresBelowReserve} departures below reserve`,
    `    energy: buses drew ${kw(world.airport.consumedKwh)} kWh on tasks, charged ${kw(a.chargedKwh)} kWh ` +
      `for CNY ${kw(a.energyCost)}; peak ${kw(a.peakKw)} kW of ${kw(a.gridLimitKw)} kW ` +
      `(instantaneous ${kw(a.peakInstantKw)}), ${a.minutesOverLimit} min over the limit`,
    `    plans: ${runs(airportRuns)}`,
    `  Highway (holiday service area): ${ev.arrived} EVs arrived, ${ev.left} left (${ev.reachedTarget} at their target), ` +
      `${ev.gaveUp} drove on without a connector, ${ev.charging} still charging`,
    `    energy: ${kw(ev.deliveredKwh)} kWh delivered for CNY ${kw(h.energyCost)}; peak ${kw(h.peakKw)} kW of ` +
      `${kw(h.gridLimitKw)} kW (instantaneous ${kw(h.peakInstantKw)}), ${h.minutesOverLimit} min over the limit`,
    `    plans: ${runs(highwayRuns)}`,
  ];
  if (world.errors.length > 0) {
    lines.push(`  ${world.errors.length} errors in the simulation, first: ${world.errors[0]}`);
  }
  return lines.join('\n');
}
