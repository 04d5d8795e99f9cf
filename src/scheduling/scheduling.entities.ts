import { PlanRuns1795500000000 } from '../database/migrations/1795500000000-plan-runs';
import { PlanRun } from './plan-run.entity';

export const SCHEDULING_ENTITIES = [PlanRun];
export const SCHEDULING_MIGRATIONS = [PlanRuns1795500000000];
