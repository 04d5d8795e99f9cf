import { performance } from 'node:perf_hooks';
import { BuiltModel } from '../model/build-model';

/** Model size of the last solve, for benchmarks and logs. */
export interface PlanStats {
  variables: number;
  constraints: number;
  integers: number;
  repairRounds: number;
  buildMs: number;
  firstSolveMs: number;
  totalMs: number;
  /** Phases of the last solve (ms): input checks and normalising, stage 1, model building, HiGHS (load, first solve and
   * repair rounds, worker round-trips included), result decoding, invariant check. */
  phasesMs?: Record<string, number>;
}

/** Wall time of one `plan` call, and its split into named phases (ms to 0.1; a phase met again adds up). */
export class PhaseClock {
  readonly startMs = performance.now();
  readonly phasesMs: Record<string, number> = {};
  private phaseStartMs = this.startMs;

  /** Books the time since the previous phase ended (or the call started) to `name`. */
  phase(name: string): void {
    const nowMs = performance.now();
    this.phasesMs[name] = Math.round(((this.phasesMs[name] ?? 0) + nowMs - this.phaseStartMs) * 10) / 10;
    this.phaseStartMs = nowMs;
  }

  elapsedMs(): number {
    return performance.now() - this.startMs;
  }
}

/** Stats of the tick's model; repair rounds, first solve and total are filled in once the plan is final. */
export function modelStats(built: BuiltModel, clock: PhaseClock): PlanStats {
  return {
    variables: built.model.numCols,
    constraints: built.model.numRows,
    integers: built.model.integrality.reduce((sum, flag) => sum + flag, 0),
    repairRounds: 0,
    buildMs: clock.phasesMs.build,
    firstSolveMs: 0,
    totalMs: 0,
    phasesMs: clock.phasesMs,
  };
}
