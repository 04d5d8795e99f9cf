import { clockTime, h } from './dom.js';
import type { AlertRow, DashboardView, TaskRow, VehicleRow } from './types.js';

export interface TaskActions {
  pin(task: TaskRow, vehicle: string): void;
  forbid(task: TaskRow, vehicle: string): void;
  unpin(task: TaskRow, vehicle: string): void;
  unforbid(task: TaskRow, vehicle: string): void;
}

/** The selected task: times, assigned vehicles with their SoC at start, risk, pins and forbids with their controls. */
export function renderTaskDetail(
  container: HTMLElement,
  task: TaskRow | null,
  vehicles: VehicleRow[],
  timeZone: string,
  actions: TaskActions,
): void {
  if (!task) {
    container.replaceChildren('Select a task in the timeline.');
    container.className = 'muted';
    return;
  }
  container.className = '';
  const chip = (vehicle: string, remove: () => void, label: string) => {
    const button = h('button', { type: 'button', title: label, 'aria-label': label }, '×');
    button.addEventListener('click', remove);
    return h('span', { class: 'chip', 'data-chip': vehicle }, vehicle, button);
  };
  const compatible = vehicles.filter((v) => v.type === task.vehicleType && v.inService);
  const select = h(
    'select',
    { id: 'override-vehicle', 'aria-label': 'Vehicle' },
    ...compatible.map((v) => h('option', { value: v.fleetNumber }, v.fleetNumber)),
  );
  const pin = h('button', { type: 'button', id: 'pin' }, 'Pin');
  const forbid = h('button', { type: 'button', id: 'forbid', class: 'danger' }, 'Forbid');
  pin.addEventListener('click', () => actions.pin(task, select.value));
  forbid.addEventListener('click', () => actions.forbid(task, select.value));
  const open = task.status === 'planned' || task.status === 'in_progress';
  if (!open || compatible.length === 0) [pin, forbid, select].forEach((element) => (element.disabled = true));
  container.replaceChildren(
    h(
      'dl',
      {},
      h('dt', {}, 'Task'),
      h('dd', { id: 'task-name' }, task.flightRef),
      ...(task.flight
        ? [
            h('dt', {}, 'Flight'),
            h(
              'dd',
              { id: 'task-flight' },
              `${task.flight.flight} ${task.flight.direction} at ${clockTime(task.flight.scheduledTime, timeZone)}, ` +
                `stand ${task.flight.stand ?? 'unknown'}` +
                (task.flight.delayMinutes === 0
                  ? ''
                  : `, ${task.flight.delayMinutes > 0 ? 'delayed' : 'early'} ${Math.abs(task.flight.delayMinutes)} min`),
            ),
          ]
        : []),
      h('dt', {}, 'Time'),
      h('dd', {}, `${clockTime(task.start, timeZone)}–${clockTime(task.end, timeZone)}`),
      h('dt', {}, 'Needs'),
      h('dd', {}, `${task.vehiclesNeeded} × ${task.vehicleType}`),
      h('dt', {}, 'Status'),
      h('dd', {}, task.status + (task.inPlan ? '' : ' (not in the plan yet)')),
      h('dt', {}, 'Assigned'),
      h(
        'dd',
        { class: 'chips', id: 'task-assigned' },
        ...task.assigned.map((a) =>
          h(
            'span',
            { class: `chip${a.belowReserve ? ' risk' : ''}` },
            a.vehicle,
            a.predictedSocPercentAtStart === null ? '' : ` ${Math.round(a.predictedSocPercentAtStart)} %`,
          ),
        ),
        task.missingVehicles > 0 ? h('span', { class: 'chip risk' }, `short ${task.missingVehicles}`) : null,
      ),
      h('dt', {}, 'Pinned'),
      h(
        'dd',
        { class: 'chips', id: 'task-pinned' },
        ...task.pinnedVehicles.map((v) => chip(v, () => actions.unpin(task, v), `Unpin ${v}`)),
      ),
      h('dt', {}, 'Forbidden'),
      h(
        'dd',
        { class: 'chips', id: 'task-forbidden' },
        ...task.forbiddenVehicles.map((v) => chip(v, () => actions.unforbid(task, v), `Allow ${v} again`)),
      ),
    ),
    task.atRisk ? h('p', { class: 'error' }, `At risk: ${task.riskReasons.join('; ')}`) : '',
    h('div', { class: 'override' }, select, pin, forbid),
  );
}

/** Vehicles with SoC now, status, next task and charge instruction, and the service switch. */
export function renderVehicles(
  body: HTMLElement,
  vehicles: VehicleRow[],
  timeZone: string,
  onService: (vehicle: VehicleRow) => void,
): void {
  body.replaceChildren(
    ...vehicles.map((vehicle) => {
      const soc = vehicle.socPercentEstimate;
      const socCell =
        soc === null
          ? h('span', { class: 'muted' }, 'unknown')
          : h(
              'span',
              {},
              h(
                'span',
                { class: `soc${soc < vehicle.minSocPercent ? ' low' : ''}` },
                h('span', { style: `width:${Math.max(0, Math.min(100, soc))}%` }),
              ),
              `${Math.round(soc)} %`,
              vehicle.socUncertaintyPercent ? h('small', {}, ` ±${Math.round(vehicle.socUncertaintyPercent)}`) : '',
            );
      const next = vehicle.nextAssignment
        ? `${vehicle.nextAssignment.taskId} ${clockTime(vehicle.nextAssignment.start, timeZone)}`
        : '—';
      const button = h(
        'button',
        {
          type: 'button',
          class: vehicle.inService ? 'danger' : '',
          'data-action': vehicle.inService ? 'out-of-service' : 'in-service',
        },
        vehicle.inService ? 'Take out of service' : 'Back in service',
      );
      button.addEventListener('click', () => onService(vehicle));
      return h(
        'tr',
        { 'data-vehicle': vehicle.fleetNumber, class: vehicle.inService ? '' : 'out' },
        h('td', {}, vehicle.fleetNumber),
        h('td', {}, vehicle.type),
        h('td', {}, socCell),
        h('td', { class: 'status' }, vehicle.status),
        h('td', {}, next),
        h('td', {}, vehicle.nextCharge?.text ?? '—'),
        h('td', {}, button),
      );
    }),
  );
}

export function renderChargers(container: HTMLElement, chargers: DashboardView['chargers']): void {
  if (chargers.length === 0) {
    container.replaceChildren(h('p', { class: 'muted' }, 'No chargers at this site.'));
    return;
  }
  container.replaceChildren(
    ...chargers.map((charger) =>
      h(
        'div',
        { class: `charger${charger.online ? ' online' : ''}`, 'data-charger': charger.chargePointId },
        h('div', { class: 'name' }, charger.chargePointId),
        h(
          'small',
          {},
          `${charger.online ? 'online' : 'offline'} · ${charger.maxKw} kW${charger.ocppVersion ? ` · ${charger.ocppVersion}` : ''}`,
        ),
        h(
          'div',
          {},
          ...charger.connectors.map((connector) =>
            h(
              'span',
              {
                class: 'connector',
                'data-status': connector.status ?? 'unknown',
                title: connector.errorCode && connector.errorCode !== 'NoError' ? connector.errorCode : undefined,
              },
              `#${connector.connectorId} ${connector.status ?? 'unknown'}`,
            ),
          ),
        ),
      ),
    ),
  );
}

export function renderAlerts(list: HTMLElement, alerts: { current: AlertRow[]; recent: AlertRow[] }): void {
  const items = alerts.current.map((alert) =>
    h('li', { class: alert.severity, 'data-code': alert.code }, alert.message),
  );
  list.replaceChildren(...(items.length > 0 ? items : [h('li', { class: 'muted' }, 'No alerts.')]));
}
