import type { DispatchAlert } from '../board/plan-alerts';

/** An alert's identity: what it is about, not its wording (a task's SoC figures change from tick to tick). */
export function alertKey(alert: DispatchAlert): string {
  return [alert.code, alert.taskId, alert.vehicleId, alert.chargerId, alert.connectorId]
    .map((part) => part ?? '')
    .join('|');
}

export interface AlertDiff {
  raised: DispatchAlert[];
  cleared: DispatchAlert[];
  current: Map<string, DispatchAlert>;
}

/** Alerts in `now` that were not raised before, and raised ones that no longer hold. */
export function diffAlerts(before: Map<string, DispatchAlert>, now: DispatchAlert[]): AlertDiff {
  const current = new Map(now.map((alert) => [alertKey(alert), alert]));
  return {
    raised: [...current].filter(([key]) => !before.has(key)).map(([, alert]) => alert),
    cleared: [...before].filter(([key]) => !current.has(key)).map(([, alert]) => alert),
    current,
  };
}
