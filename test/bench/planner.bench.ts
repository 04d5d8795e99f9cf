/**
 * Planner benchmark (DESIGN.md §5b): for each scenario, one cold solve and warm ticks (state advanced one slot, SoC
 * nudged), on one warm `Planner` per scenario. Prints one JSON line per scenario on stdout; notes go to stderr.
 * `npm run bench -- planner [small|medium|large|highway ...] [--ticks N] [--no-gap]`
 *
 * 40 warm ticks by default: a two-stage site re-runs its assignment every `reassignEveryTicks` (10) ticks, so with 20
 * ticks the two slow ticks sat above the 95th percentile and p95 hid them. The line also carries the slowest tick and
 * the CPU figures (all threads of the process: what a loaded machine does not inflate much).
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { checkInvariants, PlanInput, Planner, PlanResult, relaxationBound } from '@apron/planner';
import { benchScenarios } from '../../libs/simulator/src/scenarios';

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Gap of the cold plan against a bound valid for the full problem: the LP relaxation of the joint model with every
 * compatible vehicle a candidate for every task (`relaxationBound`, interior point, untimed, in its own worker), the
 * plan scored on that same model. Skipped for the large site (too big for the LP here) and with `--no-gap`.
 */
async function integralityGap(name: string, input: PlanInput, cold: PlanResult, skip: boolean) {
  const none = { gap: null, absoluteGap: null, gapOfEnergyCost: null };
  if (skip || name === 'large' || cold.status === 'fallback') return { ...none, note: 'bound not computed' };
  const found = await relaxationBound(input, cold);
  if (found.gap === undefined) return { ...none, note: `bound ${found.status}` };
  // The objective is near zero when the terminal value pays back the night refill, so the relative gap can be large
  // for a small absolute one: also report the absolute gap and the gap over the plan's energy cost (money).
  const absoluteGap = found.objective! - found.bound!;
  const note =
    `bound ${found.bound!.toFixed(4)} (uncapped joint LP, ${found.columns} columns x ${found.rows} rows, ` +
    `${round1(found.solveMs / 1000)} s), plan scored on it ${found.objective!.toFixed(4)}, ` +
    `absolute gap ${(found.objective! - found.bound!).toFixed(4)}`;
  return {
    gap: Math.round(found.gap * 1e6) / 1e6,
    absoluteGap: Math.round(absoluteGap * 1e4) / 1e4,
    gapOfEnergyCost: cold.costTotal > 0 ? Math.round((Math.max(0, absoluteGap) / cold.costTotal) * 1e6) / 1e6 : null,
    note,
  };
}

export async function run(args: string[]): Promise<void> {
  const ticksFlag = args.indexOf('--ticks');
  const ticks = ticksFlag >= 0 ? Number(args[ticksFlag + 1]) : 40;
  const skipGap = args.includes('--no-gap');
  const names = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--ticks');
  const scenarios = benchScenarios().filter((s) => names.length === 0 || names.includes(s.name));
  for (const scenario of scenarios) {
    const planner = new Planner();
    try {
      const wasmStart = performance.now();
      await planner.warmUp();
      const wasmMs = performance.now() - wasmStart;
      let violations = 0;
      const cpuMs: number[] = [];
      // How long the service's event loop could stall behind a tick: the planner's own main-thread work, not the solve
      // (HiGHS runs in a worker) nor the invariant check below.
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      const timed = async (input: PlanInput): Promise<[PlanResult, number]> => {
        const started = performance.now();
        const cpuStart = process.cpuUsage();
        loopDelay.enable();
        const result = await planner.plan(input);
        loopDelay.disable();
        const ms = performance.now() - started;
        const cpu = process.cpuUsage(cpuStart);
        cpuMs.push((cpu.user + cpu.system) / 1000);
        const found = checkInvariants(input, result);
        violations += found.length;
        if (found.length > 0)
          console.error(`bench ${scenario.name}: ${found.length} violation(s): ${found[0].message}`);
        return [result, ms];
      };
      const [cold, coldMs] = await timed(scenario.input);
      const stats = planner.lastStats;
      const warm: number[] = [];
      const phases: Record<string, number[]> = {};
      const warmRounds: number[] = [];
      const statuses = new Map<string, number>();
      for (let n = 1; n <= ticks; n++) {
        const [result, ms] = await timed(scenario.tick(n));
        warm.push(ms);
        warmRounds.push(planner.lastStats?.repairRounds ?? 0);
        for (const [name, phaseMs] of Object.entries(planner.lastStats?.phasesMs ?? {}))
          (phases[name] ??= []).push(phaseMs);
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      }
      const line = {
        scenario: scenario.name,
        vehicles: scenario.input.vehicles?.length ?? 0,
        sessions: scenario.input.sessions?.length ?? 0,
        tasks: scenario.input.tasks?.length ?? 0,
        slots: scenario.input.slots.reduce((sum, group) => sum + group.count, 0),
        variables: stats?.variables ?? 0,
        constraints: stats?.constraints ?? 0,
        coldMs: round1(coldMs),
        warmMsP50: round1(percentile(warm, 50)),
        warmMsP95: round1(percentile(warm, 95)),
        status: cold.status,
        objective: cold.objective,
        gap: null as number | null,
        // Extensions beyond DESIGN.md §5b's keys (readers that ignore unknown keys are unaffected).
        warmTicks: warm.length,
        warmMsMax: round1(Math.max(...warm)),
        cpuMsCold: round1(cpuMs[0]),
        cpuMsWarmP50: round1(percentile(cpuMs.slice(1), 50)),
        cpuMsWarmP95: round1(percentile(cpuMs.slice(1), 95)),
        cpuMsWarmMax: round1(Math.max(...cpuMs.slice(1))),
        absoluteGap: null as number | null,
        gapOfEnergyCost: null as number | null,
        unserved: cold.unserved.reduce((sum, entry) => sum + entry.missingVehicles, 0),
        violations: 0,
        eventLoopDelayMsMax: round1(loopDelay.max / 1e6),
        loadAverage: loadavg().map(round1),
      };
      const gap = await integralityGap(scenario.name, scenario.input, cold, skipGap);
      line.gap = gap.gap;
      line.absoluteGap = gap.absoluteGap;
      line.gapOfEnergyCost = gap.gapOfEnergyCost;
      line.violations = violations;
      console.log(JSON.stringify(line));
      console.error(
        `bench ${scenario.name}: wasm load + warm-up ${round1(wasmMs)} ms, integers ${stats?.integers}, repair rounds ${stats?.repairRounds}, build ${round1(stats?.buildMs ?? 0)} ms, first solve ${round1(stats?.firstSolveMs ?? 0)} ms, ` +
          `gap: ${gap.note}, cold "${cold.message}", unserved ${cold.unserved.length}, warm statuses ${JSON.stringify([...statuses])}, ` +
          `invariant violations ${violations}, warm ms ${JSON.stringify(warm.map(round1))}, ` +
          `warm CPU ms ${JSON.stringify(cpuMs.slice(1).map(Math.round))}, warm repair rounds ${JSON.stringify(warmRounds)}, ` +
          `warm phases p50/max ms ${Object.entries(phases)
            .map(([name, values]) => `${name} ${round1(percentile(values, 50))}/${round1(Math.max(...values))}`)
            .join(', ')}, ` +
          `CPU ms (all threads, load-independent) cold ${round1(cpuMs[0])} warm p50 ${round1(percentile(cpuMs.slice(1), 50))} ` +
          `p95 ${round1(percentile(cpuMs.slice(1), 95))}, load average ${loadavg().map(round1).join(' ')}`,
      );
    } finally {
      await planner.dispose();
    }
  }
}
