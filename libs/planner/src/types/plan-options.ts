export type SolverName = 'highs' | 'jslp';

export interface PlanOptions {
  /** Solver adapter (default highs). */
  solver?: SolverName;
  /** Hard wall-clock budget of the whole solve in seconds (default 10). */
  timeLimitSeconds?: number;
  /** Charging power tapers linearly to zero above this SoC (default 80; 100 turns taper off). */
  taperKneePercent?: number;
  /** Tasks starting within this many minutes of `start` get binary assignments in HiGHS (default 180; 0 = LP + repair). */
  integerWindowMinutes?: number;
  /** Relative MIP gap at which HiGHS stops (default 0.005). */
  mipGap?: number;
  /**
   * Seconds the near-window MIP may take (default 0.5); if it has not finished by then, the tick is planned on the LP
   * relaxation with repair instead. The small bench site, once short of vehicles (many unserved tasks, a very
   * symmetric MIP), took 5-9 s per tick and timed out into the fallback; the MIP's incumbent after 1 s left a dozen
   * more vehicles missing than rounding the LP. After a timeout, a `Planner` skips the MIP on that site for the next 8
   * joint ticks (16, then 32 after further timeouts) and keeps the last plan's assignment meanwhile.
   */
  mipTimeLimitSeconds?: number;
  /** At most this many candidate vehicles per task and vehicle needed (default 8). */
  candidatesPerVehicleNeeded?: number;
  /**
   * 'joint': one model decides assignments and charging together. 'two-stage': an assignment model first, then the
   * joint model restricted to the chosen vehicles (fast on large sites). 'auto' (default): two-stage when the joint
   * model would have more than `jointAssignmentLimit` assignment columns.
   */
  decomposition?: 'auto' | 'joint' | 'two-stage';
  /** Default 1000. */
  jointAssignmentLimit?: number;
  /**
   * Two-stage only: warm ticks of a site keep the previous tick's assignments (plus pins, plus a second chance for
   * short and new tasks) while the fleet is the same and at most a tenth of the tasks are new, for at most this many
   * ticks in a row (default 10; 0 = never).
   */
  reassignEveryTicks?: number;
  /**
   * Start HiGHS from the previous tick's basis, mapped by column and row names (default false). Measured slower on
   * the bench (a supplied basis skips presolve, and a basis shifted by a slot is a poor start), so off by default.
   */
  warmBasisAcrossTicks?: boolean;
  /**
   * Two-stage only: above this many assignment columns stage 1 keeps the heuristic's assignment instead of solving
   * the assignment LP (default 12000; the LP alone took ~3 s at 22k columns in WASM HiGHS).
   */
  assignmentLpLimit?: number;
}

export interface ResolvedPlanOptions {
  solver: SolverName;
  timeLimitSeconds: number;
  taperKneePercent: number;
  integerWindowMinutes: number;
  mipGap: number;
  mipTimeLimitSeconds: number;
  candidatesPerVehicleNeeded: number;
  decomposition: 'auto' | 'joint' | 'two-stage';
  jointAssignmentLimit: number;
  reassignEveryTicks: number;
  warmBasisAcrossTicks: boolean;
  assignmentLpLimit: number;
}

export function resolvePlanOptions(options: PlanOptions = {}): ResolvedPlanOptions {
  return {
    solver: options.solver ?? 'highs',
    timeLimitSeconds: options.timeLimitSeconds ?? 10,
    taperKneePercent: options.taperKneePercent ?? 80,
    integerWindowMinutes: options.integerWindowMinutes ?? 180,
    mipGap: options.mipGap ?? 0.005,
    mipTimeLimitSeconds: options.mipTimeLimitSeconds ?? 0.5,
    candidatesPerVehicleNeeded: options.candidatesPerVehicleNeeded ?? 8,
    decomposition: options.decomposition ?? 'auto',
    jointAssignmentLimit: options.jointAssignmentLimit ?? 1000,
    reassignEveryTicks: options.reassignEveryTicks ?? 10,
    warmBasisAcrossTicks: options.warmBasisAcrossTicks ?? false,
    assignmentLpLimit: options.assignmentLpLimit ?? 12_000,
  };
}
