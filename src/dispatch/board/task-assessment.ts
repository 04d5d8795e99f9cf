import { EffectivePlan, predictedSocPercent, reservePercent } from './plan-timeline';

/** Tolerance on SoC comparisons: the planner's soft bounds leave rounding noise at the reserve. */
const SOC_EPSILON_PERCENT = 0.05;

export interface AssignedVehicle {
  vehicle: string;
  predictedSocPercentAtStart: number | null;
  reservePercent: number | null;
  belowReserve: boolean;
}

export interface TaskAssessment {
  /** false when the plan did not include the task (not planned, outside its horizon, or added after it). */
  inPlan: boolean;
  assigned: AssignedVehicle[];
  missingVehicles: number;
  atRisk: boolean;
  riskReasons: string[];
}

/** One task against the plan: who serves it, with what SoC at its start, and whether it is at risk. */
export function assessTask(plan: EffectivePlan | null, taskId: string, startMs: number): TaskAssessment {
  const inPlan = plan?.input.tasks?.some((task) => task.id === taskId) ?? false;
  if (!plan || !inPlan) return { inPlan: false, assigned: [], missingVehicles: 0, atRisk: false, riskReasons: [] };
  const assigned = plan.result.assignments
    .filter((assignment) => assignment.taskId === taskId)
    .map(({ vehicleId }): AssignedVehicle => {
      const soc = predictedSocPercent(plan, vehicleId, startMs);
      const reserve = reservePercent(plan, vehicleId);
      const belowReserve = soc !== null && reserve !== null && soc < reserve - SOC_EPSILON_PERCENT;
      return { vehicle: vehicleId, predictedSocPercentAtStart: soc, reservePercent: reserve, belowReserve };
    });
  const missingVehicles = plan.result.unserved.find((unserved) => unserved.taskId === taskId)?.missingVehicles ?? 0;
  const riskReasons = [
    ...(missingVehicles > 0 ? [`short of ${missingVehicles} vehicle(s)`] : []),
    ...assigned
      .filter((vehicle) => vehicle.belowReserve)
      .map((v) => `${v.vehicle} starts at ${v.predictedSocPercentAtStart} % (reserve ${v.reservePercent} %)`),
  ];
  return { inPlan, assigned, missingVehicles, atRisk: riskReasons.length > 0, riskReasons };
}

export { SOC_EPSILON_PERCENT };
