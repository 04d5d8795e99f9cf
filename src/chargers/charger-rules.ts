import { FieldError } from '../common/field-errors';
import { CurrentType } from './charger.entity';

export interface ConnectorSpec {
  connectorId: number;
  maxKw: number;
}

/** Rules a charger must satisfy that span fields or need more than a decorator. */
export interface ChargerShape {
  currentType: CurrentType;
  phases: number | null;
  voltageV: number | null;
  maxKw: number;
  connectors: ConnectorSpec[];
}

export function chargerRuleViolations(charger: ChargerShape): FieldError[] {
  return [...electricalViolations(charger), ...connectorViolations(charger)];
}

function electricalViolations(charger: ChargerShape): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['phases', 'voltageV'] as const) {
    const given = charger[field] !== null;
    if (charger.currentType === 'AC' && !given) {
      errors.push({ field, messages: [`${field} is required for an AC charger`] });
    }
    if (charger.currentType === 'DC' && given) {
      errors.push({ field, messages: [`${field} applies to AC chargers only; leave it out for DC`] });
    }
  }
  return errors;
}

function connectorViolations(charger: ChargerShape): FieldError[] {
  if (charger.connectors.length === 0) {
    return [{ field: 'connectors', messages: ['a charger needs at least one connector'] }];
  }
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  charger.connectors.forEach((connector, index) => {
    if (seen.has(connector.connectorId)) {
      errors.push({
        field: `connectors.${index}.connectorId`,
        messages: [`connectorId ${connector.connectorId} appears more than once`],
      });
    }
    seen.add(connector.connectorId);
    if (connector.maxKw > charger.maxKw) {
      errors.push({
        field: `connectors.${index}.maxKw`,
        messages: [`connector maxKw must not exceed the charger's maxKw (${charger.maxKw} kW)`],
      });
    }
  });
  return errors;
}
