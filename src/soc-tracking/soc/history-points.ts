import { SocEstimator, SocInputEvent } from '@apron/soc';
import { SocHistoryPoint } from '../persistence/soc-history.repository';

/** The time an input takes effect at, and the history source it is shown as. */
export function inputTime(event: SocInputEvent): { atMs: number; source: SocHistoryPoint['source'] } {
  switch (event.kind) {
    case 'reading':
      return { atMs: event.atMs, source: event.source };
    case 'energy-delivered':
      return { atMs: event.atMs, source: 'energy' };
    case 'task':
      return { atMs: event.endMs, source: 'task' };
  }
}

/** One history point per accepted input: the estimate right after it, with the reading itself for direct readings. */
export function historyPoints(
  vehicleId: string,
  estimator: SocEstimator,
  accepted: SocInputEvent[],
): SocHistoryPoint[] {
  const checkpointMs = estimator.checkpointMs;
  const points = new Map<string, SocHistoryPoint>();
  for (const event of accepted) {
    const { atMs, source } = inputTime(event);
    if (checkpointMs !== null && atMs < checkpointMs) continue;
    const estimate = estimator.estimateAt(atMs);
    points.set(`${atMs}|${source}`, {
      vehicleId,
      at: new Date(atMs),
      source,
      socPercent: estimate.socPercent,
      uncertaintyPercent: estimate.uncertaintyPercent,
      readingPercent: event.kind === 'reading' ? event.socPercent : null,
    });
  }
  return [...points.values()];
}
