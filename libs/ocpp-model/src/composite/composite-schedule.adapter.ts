/** GetCompositeSchedule responses (1.6 §6.23, 2.0.1 K08) from a computed composite schedule. */
import { V16GetCompositeScheduleResponse } from '../v16/v16-central-system.messages';
import { V201GetCompositeScheduleResponse } from '../v201/v201-csms.messages';
import { CompositeSchedule } from './composite-schedule';

/** OCPP has no "unlimited": periods without a limit must have been capped by the caller's maxPowerW. */
function periodsOf(c: CompositeSchedule) {
  return c.periods.map((p) => {
    if (!Number.isFinite(p.limit)) throw new Error('composite schedule has an unlimited period; pass maxPowerW');
    return p.numberPhases === undefined
      ? { startPeriod: p.startSeconds, limit: p.limit }
      : { startPeriod: p.startSeconds, limit: p.limit, numberPhases: p.numberPhases };
  });
}

export function toV16CompositeResponse(c: CompositeSchedule): V16GetCompositeScheduleResponse {
  return {
    status: 'Accepted',
    connectorId: c.evseId,
    scheduleStart: c.start.toISOString(),
    chargingSchedule: {
      duration: c.durationSeconds,
      startSchedule: c.start.toISOString(),
      chargingRateUnit: c.rateUnit,
      chargingSchedulePeriod: periodsOf(c),
    },
  };
}

export function toV201CompositeResponse(c: CompositeSchedule): V201GetCompositeScheduleResponse {
  return {
    status: 'Accepted',
    schedule: {
      evseId: c.evseId,
      duration: c.durationSeconds,
      scheduleStart: c.start.toISOString(),
      chargingRateUnit: c.rateUnit,
      chargingSchedulePeriod: periodsOf(c),
    },
  };
}
