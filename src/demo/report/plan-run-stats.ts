/** Collects a site's plan runs from the scheduling API: how long ticks and solves take, and what was applied. */
import { LoopbackApi } from '../loopback-api';

interface PlanRunSummary {
  id: string;
  tickAt: string;
  status: string;
  applied: string;
  solveMs: number;
  tickMs: number;
}

export interface PlanRunFigures {
  runs: number;
  solveMsP50: number;
  solveMsP95: number;
  solveMsMax: number;
  tickMsMax: number;
  /** Median simulated minutes between two ticks. */
  minutesBetweenTicks: number;
  fallbacks: number;
  keptLast: number;
  /** Status of the newest run. */
  lastStatus?: string;
}

const PAGE = 100;

export class PlanRunStats {
  private readonly runs = new Map<string, PlanRunSummary>();

  constructor(
    private readonly api: LoopbackApi,
    readonly siteId: string,
  ) {}

  /** Reads the newest runs; call often enough that no more than a page of runs is missed. */
  async poll(): Promise<void> {
    const page = await this.api.get<{ items: PlanRunSummary[] }>(
      `/api/v1/sites/${this.siteId}/plan-runs?limit=${PAGE}`,
    );
    for (const run of page.items) this.runs.set(run.id, run);
  }

  figures(): PlanRunFigures {
    const runs = [...this.runs.values()].sort((a, b) => a.tickAt.localeCompare(b.tickAt));
    const solves = runs.map((r) => r.solveMs).sort((a, b) => a - b);
    const gaps = runs
      .slice(1)
      .map((r, i) => (Date.parse(r.tickAt) - Date.parse(runs[i].tickAt)) / 60_000)
      .sort((a, b) => a - b);
    return {
      runs: runs.length,
      solveMsP50: quantile(solves, 0.5),
      solveMsP95: quantile(solves, 0.95),
      solveMsMax: solves[solves.length - 1] ?? 0,
      tickMsMax: runs.reduce((max, r) => Math.max(max, r.tickMs), 0),
      minutesBetweenTicks: quantile(gaps, 0.5),
      fallbacks: runs.filter((r) => r.applied === 'fallback').length,
      keptLast: runs.filter((r) => r.applied === 'kept-last').length,
      lastStatus: runs[runs.length - 1]?.status,
    };
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
