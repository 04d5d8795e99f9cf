/** Reads GetCompositeSchedule answers (1.6 §6.23, 2.0.1 K08) into the version-neutral CompositeSchedule. */
import { V16GetCompositeScheduleResponse } from '../v16/v16-central-system.messages';
import { V201GetCompositeScheduleResponse } from '../v201/v201-csms.messages';
import { CompositeSchedule } from './composite-schedule';

/** Undefined when the charger rejected the request or sent no schedule. */
export function compositeFromV16Response(
  res: V16GetCompositeScheduleResponse,
  connectorId: number,
): CompositeSchedule | undefined {
  const schedule = res.chargingSchedule;
  if (res.status !== 'Accepted' || !schedule) return undefined;
  const start = res.scheduleStart ?? schedule.startSchedule;
  return {
    evseId: res.connectorId ?? connectorId,
    start: start ? new Date(start) : new Date(NaN),
    durationSeconds: schedule.duration ?? 0,
    rateUnit: schedule.chargingRateUnit,
    periods: schedule.chargingSchedulePeriod.map((p) => ({
      startSeconds: p.startPeriod,
      limit: p.limit,
      numberPhases: p.numberPhases,
    })),
  };
}

export function compositeFromV201Response(res: V201GetCompositeScheduleResponse): CompositeSchedule | undefined {
  const schedule = res.schedule;
  if (res.status !== 'Accepted' || !schedule) return undefined;
  return {
    evseId: schedule.evseId,
    start: new Date(schedule.scheduleStart),
    durationSeconds: schedule.duration,
    rateUnit: schedule.chargingRateUnit,
    periods: schedule.chargingSchedulePeriod.map((p) => ({
      startSeconds: p.startPeriod,
      limit: p.limit,
      numberPhases: p.numberPhases,
    })),
  };
}
