import { invalidField } from '../common/field-errors';
import { ConnectorSpec } from './charger-rules';

/** How a request may name connectors: the list itself, or `connectorCount` (+ `maxKwPerConnector`). */
export interface ConnectorInput {
  connectors?: ConnectorSpec[];
  connectorCount?: number;
  maxKwPerConnector?: number;
}

/** The connectors a request asks for, or undefined when it names none (a PATCH keeps the stored ones). */
export function requestedConnectors(input: ConnectorInput, chargerMaxKw: number): ConnectorSpec[] | undefined {
  if (input.connectors !== undefined && input.connectorCount !== undefined) {
    throw invalidField('connectorCount', 'give either connectors or connectorCount, not both');
  }
  if (input.maxKwPerConnector !== undefined && input.connectorCount === undefined) {
    throw invalidField('maxKwPerConnector', 'maxKwPerConnector goes with connectorCount');
  }
  if (input.connectors !== undefined) {
    return input.connectors.map(({ connectorId, maxKw }) => ({ connectorId, maxKw }));
  }
  if (input.connectorCount === undefined) return undefined;
  const maxKw = input.maxKwPerConnector ?? chargerMaxKw;
  if (maxKw > chargerMaxKw) {
    throw invalidField('maxKwPerConnector', `maxKwPerConnector must not exceed maxKw (${chargerMaxKw} kW)`);
  }
  return Array.from({ length: input.connectorCount }, (_, index) => ({ connectorId: index + 1, maxKw }));
}
