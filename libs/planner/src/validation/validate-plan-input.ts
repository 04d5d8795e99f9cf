import { PlanInput } from '../types/plan-input';
import { eachRecord, FieldChecker, isRecord } from './field-checks';
import { ValidationIssue } from './plan-input.error';

const MAX_SLOTS = 5000;

/** Checks scenario format v1 (DESIGN.md §5); every issue names its field. An empty list means valid. */
export function validatePlanInput(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRecord(input)) return [{ field: '', message: 'input must be a JSON object' }];
  const root = new FieldChecker(issues, '', input);
  if (input.version !== 1) root.fail('version', 'must be 1');
  const startMs = root.time('start');
  checkSite(issues, input);
  checkSlots(issues, input);
  checkPrices(issues, input, startMs);
  const chargerConnectors = checkChargers(issues, input);
  const vehicleTypes = checkVehicles(issues, input, chargerConnectors);
  checkTasks(issues, input, vehicleTypes);
  checkSessions(issues, input, chargerConnectors);
  return issues;
}

export function isValidPlanInput(input: unknown): input is PlanInput {
  return validatePlanInput(input).length === 0;
}

function checkSite(issues: ValidationIssue[], input: Record<string, unknown>): void {
  if (!isRecord(input.site)) {
    issues.push({ field: 'site', message: input.site === undefined ? 'site is required' : 'site must be an object' });
    return;
  }
  const site = new FieldChecker(issues, 'site', input.site);
  site.string('id');
  const kind = input.site.kind;
  if (kind !== 'airport' && kind !== 'highway') site.fail('kind', 'must be "airport" or "highway"');
  const gridKw = site.number('gridLimitKw', { above: 0 });
  const baseKw = site.number('baseLoadKw', { min: 0 }, true);
  if (gridKw !== undefined && baseKw !== undefined && baseKw > gridKw)
    site.fail('baseLoadKw', 'must be <= gridLimitKw');
  site.number('demandChargePerKw', { min: 0 }, true);
}

function checkSlots(issues: ValidationIssue[], input: Record<string, unknown>): void {
  let total = 0;
  eachRecord(issues, input, 'slots', false, (check) => {
    check.number('minutes', { above: 0 });
    total += check.number('count', { integer: true, min: 1 }) ?? 0;
  });
  if (Array.isArray(input.slots) && input.slots.length === 0) {
    issues.push({ field: 'slots', message: 'slots must not be empty' });
  }
  if (total > MAX_SLOTS) issues.push({ field: 'slots', message: `slots must total at most ${MAX_SLOTS} slots` });
}

function checkPrices(issues: ValidationIssue[], input: Record<string, unknown>, startMs?: number): void {
  let previousMs = -Infinity;
  eachRecord(issues, input, 'pricePerKwh', false, (check, _item, index) => {
    const fromMs = check.time('from');
    check.number('price', {});
    if (fromMs === undefined) return;
    if (fromMs <= previousMs) check.fail('from', 'must be after the previous entry');
    if (index === 0 && startMs !== undefined && fromMs > startMs) check.fail('from', 'must be at or before start');
    previousMs = fromMs;
  });
  if (Array.isArray(input.pricePerKwh) && input.pricePerKwh.length === 0) {
    issues.push({ field: 'pricePerKwh', message: 'pricePerKwh must not be empty' });
  }
}

function checkChargers(issues: ValidationIssue[], input: Record<string, unknown>): Map<string, number> {
  const connectors = new Map<string, number>();
  eachRecord(issues, input, 'chargers', false, (check, item) => {
    const id = check.string('id');
    const count = check.number('connectors', { integer: true, min: 1 }, true) ?? 1;
    check.number('maxKwPerConnector', { above: 0 });
    check.number('maxKw', { above: 0 }, true);
    if (id === undefined) return;
    if (connectors.has(id)) check.fail('id', `duplicates charger "${id}"`);
    connectors.set(id, item.connectors === undefined ? 1 : count);
  });
  return connectors;
}

function checkVehicles(
  issues: ValidationIssue[],
  input: Record<string, unknown>,
  chargers: Map<string, number>,
): Map<string, string> {
  const types = new Map<string, string>();
  eachRecord(issues, input, 'vehicles', true, (check, item) => {
    const id = check.string('id');
    const type = check.string('type');
    check.number('batteryKwh', { above: 0 });
    check.number('socPercent', { min: 0, max: 100 });
    const minPercent = check.number('minSocPercent', { min: 0, max: 100 }, true) ?? 20;
    const maxPercent = check.number('maxSocPercent', { above: 0, max: 100 }, true) ?? 100;
    if (minPercent > maxPercent) check.fail('minSocPercent', 'must be <= maxSocPercent');
    check.number('maxChargeKw', { min: 0 });
    check.number('chargeEfficiency', { above: 0, max: 1 }, true);
    check.time('availableFrom', true);
    check.number('turnaroundMinutes', { min: 0 }, true);
    const plugged = check.string('pluggedInto', true);
    if (plugged !== undefined && !chargers.has(plugged))
      check.fail('pluggedInto', `names unknown charger "${plugged}"`);
    if (id === undefined) return;
    if (types.has(id)) check.fail('id', `duplicates vehicle "${id}"`);
    types.set(id, type ?? '');
    void item;
  });
  return types;
}

function checkTasks(
  issues: ValidationIssue[],
  input: Record<string, unknown>,
  vehicleTypes: Map<string, string>,
): void {
  const ids = new Set<string>();
  const pinnedIntervals = new Map<string, { taskId: string; startMs: number; endMs: number }[]>();
  eachRecord(issues, input, 'tasks', true, (check, item) => {
    const id = check.string('id');
    const type = check.string('vehicleType');
    const needed = check.number('vehiclesNeeded', { integer: true, min: 1 }, true) ?? 1;
    const startMs = check.time('start');
    const endMs = check.time('end');
    if (startMs !== undefined && endMs !== undefined && endMs <= startMs) check.fail('end', 'must be after start');
    check.number('energyKwhPerVehicle', { min: 0 }, true);
    const pinned = check.stringList('pinnedVehicles');
    const forbidden = check.stringList('forbiddenVehicles');
    if (id !== undefined && ids.has(id)) check.fail('id', `duplicates task "${id}"`);
    if (id !== undefined) ids.add(id);
    if (pinned.length > needed) check.fail('pinnedVehicles', 'must not pin more vehicles than vehiclesNeeded');
    for (const [field, list] of [
      ['pinnedVehicles', pinned],
      ['forbiddenVehicles', forbidden],
    ] as const) {
      for (const vehicleId of list) {
        if (!vehicleTypes.has(vehicleId)) check.fail(field, `names unknown vehicle "${vehicleId}"`);
        else if (field === 'pinnedVehicles' && vehicleTypes.get(vehicleId) !== type) {
          check.fail(field, `pins "${vehicleId}" whose type is not ${type}`);
        }
      }
    }
    for (const vehicleId of pinned) {
      if (forbidden.includes(vehicleId)) check.fail('pinnedVehicles', `pins forbidden vehicle "${vehicleId}"`);
      if (startMs === undefined || endMs === undefined || id === undefined) continue;
      const intervals = pinnedIntervals.get(vehicleId) ?? [];
      const clash = intervals.find((other) => other.startMs < endMs && startMs < other.endMs);
      if (clash) check.fail('pinnedVehicles', `pins "${vehicleId}" also pinned to overlapping task "${clash.taskId}"`);
      intervals.push({ taskId: id, startMs, endMs });
      pinnedIntervals.set(vehicleId, intervals);
    }
    void item;
  });
}

function checkSessions(issues: ValidationIssue[], input: Record<string, unknown>, chargers: Map<string, number>): void {
  const ids = new Set<string>();
  const perCharger = new Map<string, number>();
  eachRecord(issues, input, 'sessions', true, (check) => {
    const id = check.string('id');
    const chargerId = check.string('chargerId');
    check.number('batteryKwh', { above: 0 });
    check.number('socPercent', { min: 0, max: 100 });
    check.number('targetSocPercent', { min: 0, max: 100 }, true);
    check.time('departure');
    check.number('maxChargeKw', { above: 0 }, true);
    check.number('chargeEfficiency', { above: 0, max: 1 }, true);
    if (id !== undefined && ids.has(id)) check.fail('id', `duplicates session "${id}"`);
    if (id !== undefined) ids.add(id);
    if (chargerId === undefined) return;
    if (!chargers.has(chargerId)) {
      check.fail('chargerId', `names unknown charger "${chargerId}"`);
      return;
    }
    const count = (perCharger.get(chargerId) ?? 0) + 1;
    perCharger.set(chargerId, count);
    if (count > (chargers.get(chargerId) ?? 1))
      check.fail('chargerId', `has more sessions than connectors on "${chargerId}"`);
  });
}
