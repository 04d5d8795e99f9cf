import { ChargerStateRow } from './charger-state.entity';
import { ConnectorStatusHistoryRow, ConnectorStatusRow } from './connector-status.entity';
import { MeterSampleRow } from './meter-sample.entity';
import { ChargerEventRow, MessageLogRow } from './message-log.entity';
import { SessionRow } from './session.entity';
import { TransactionEventRow } from './transaction-event.entity';

/** Registered in src/database/data-source-options.ts. */
export const OCPP_ENTITIES = [
  ChargerStateRow,
  ConnectorStatusRow,
  ConnectorStatusHistoryRow,
  SessionRow,
  TransactionEventRow,
  MeterSampleRow,
  MessageLogRow,
  ChargerEventRow,
];
