import type { PlanChoice } from './plan-choice';
import type { LiveSession } from './profile-commands';
import type { SafeDefaultInputs } from './safe-default-limit';
import type { UncontrolledCharger } from './uncontrolled-load';

export const PLAN_APPLIER = Symbol('PLAN_APPLIER');

export interface ApplySummary {
  profilesSent: number;
  profilesUnchanged: number;
  /** Profiles that could not be sent and plan rows that could not be applied, each with its reason. */
  notes: string[];
}

/** Where a plan goes, as the tick read it once: the site, its chargers and the sessions in progress. */
export interface ApplyTarget {
  site: { code: string; gridLimitKw: number; baseLoadKw: number };
  chargers: (SafeDefaultInputs['charger'] & { chargePointId: string })[];
  sessions: LiveSession[];
  /** Chargers that refuse Apron's profiles, left out of the plan: asked again when their retry is due. */
  uncontrolled: UncontrolledCharger[];
}

/** Carries an applied plan to the chargers (charging profiles over OCPP). */
export interface PlanApplier {
  apply(target: ApplyTarget, choice: PlanChoice, now: Date): Promise<ApplySummary>;
}
