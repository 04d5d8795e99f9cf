import { OcppEvent, OcppVersion } from '@apron/ocpp-model';
import { ChargerConnection } from './charger-connection';

export interface OcppCallContext {
  connection: ChargerConnection;
  receivedAt: Date;
}

/** Answers one charger-initiated request; the payload was checked against the version's schema (strict mode). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payload types come from @apron/ocpp-model per action
export type OcppHandler = (context: OcppCallContext, payload: any) => Promise<object>;

export type HandlerTable = Partial<Record<string, OcppHandler>>;

/** One OCPP functional block: the actions it answers, per version. */
export interface OcppHandlerBlock {
  handlers(): Partial<Record<OcppVersion, HandlerTable>>;
}

/** The first event of a kind among the events a message maps to. */
export function firstEvent<T extends OcppEvent['type']>(
  events: OcppEvent[],
  type: T,
): Extract<OcppEvent, { type: T }> | undefined {
  return events.find((event): event is Extract<OcppEvent, { type: T }> => event.type === type);
}
