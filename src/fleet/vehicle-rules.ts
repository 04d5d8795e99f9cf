import { FieldError, nullViolations } from '../common/field-errors';

export interface SocLimits {
  minSocPercent: number;
  maxSocPercent: number;
}

/** min < max SoC, reported on the field the request changed (maxSocPercent when only it changed). */
export function socViolations(vehicle: SocLimits, changed: Partial<SocLimits> = {}): FieldError[] {
  if (vehicle.minSocPercent < vehicle.maxSocPercent) return [];
  const field =
    changed.maxSocPercent !== undefined && changed.minSocPercent === undefined ? 'maxSocPercent' : 'minSocPercent';
  const message = `minSocPercent (${vehicle.minSocPercent}) must be below maxSocPercent (${vehicle.maxSocPercent})`;
  return [{ field, messages: [message] }];
}

const NULLABLE = ['consumptionKwhPerKm', 'consumptionKwhPerTask', 'idTag'];

/** Only the nullable columns may be cleared with null; null elsewhere would reach a NOT NULL column. */
export function vehicleNullViolations(body: object): FieldError[] {
  return nullViolations(body, NULLABLE);
}
