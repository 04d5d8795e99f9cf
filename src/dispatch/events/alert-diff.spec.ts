import type { DispatchAlert } from '../board/plan-alerts';
import { alertKey, diffAlerts } from './alert-diff';

const risk = (taskId: string, message = 'short'): DispatchAlert => ({
  code: 'task-at-risk',
  severity: 'warning',
  message,
  taskId,
});
const offline: DispatchAlert = { code: 'charger-offline', severity: 'warning', message: 'off', chargerId: 'CP-1' };

describe('diffAlerts', () => {
  it('raises new alerts, clears gone ones, and keeps one whose wording changed', () => {
    const before = new Map([risk('T1', 'at 19 %'), offline].map((alert) => [alertKey(alert), alert]));
    const diff = diffAlerts(before, [risk('T1', 'at 18 %'), risk('T2')]);
    expect(diff.raised).toEqual([risk('T2')]);
    expect(diff.cleared).toEqual([offline]);
    expect([...diff.current.keys()]).toEqual(['task-at-risk|T1|||', 'task-at-risk|T2|||']);
  });
});
