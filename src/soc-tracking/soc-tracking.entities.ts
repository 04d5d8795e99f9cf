import { FleetState1795460000000 } from '../database/migrations/1795460000000-fleet-state';
import { ConsumptionLearnerStateRow } from './persistence/consumption-learner-state.entity';
import { SessionPendingEventRow } from './persistence/session-pending-event.entity';
import { SocHistoryRow } from './persistence/soc-history.entity';
import { TelemetryReadingRow } from './persistence/telemetry-reading.entity';
import { VehicleSocStateRow } from './persistence/vehicle-soc-state.entity';

/** Registered in src/database/data-source-options.ts. */
export const SOC_TRACKING_ENTITIES = [
  VehicleSocStateRow,
  SocHistoryRow,
  TelemetryReadingRow,
  SessionPendingEventRow,
  ConsumptionLearnerStateRow,
];

/** The vehicles' idle drain column is here too: SoC tracking is its only reader (the SoC estimator). */
export const SOC_TRACKING_MIGRATIONS = [FleetState1795460000000];
