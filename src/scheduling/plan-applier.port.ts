import type { PlanChoice } from './plan-choice';

export const PLAN_APPLIER = Symbol('PLAN_APPLIER');

export interface ApplySummary {
  profilesSent: number;
  profilesUnchanged: number;
  /** Profiles that could not be sent and plan rows that could not be applied, each with its reason. */
  notes: string[];
}

/** Carries an applied plan to the chargers (charging profiles over OCPP). */
export interface PlanApplier {
  apply(site: { id: string; code: string }, choice: PlanChoice, now: Date): Promise<ApplySummary>;
}
