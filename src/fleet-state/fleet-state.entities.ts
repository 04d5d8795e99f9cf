import { FleetState1795460000000 } from '../database/migrations/1795460000000-fleet-state';
import { ConsumptionLearnerStateRow } from './persistence/consumption-learner-state.entity';
import { FleetSessionRow } from './persistence/fleet-session.entity';
import { SessionPendingEventRow } from './persistence/session-pending-event.entity';
import { SocHistoryRow } from './persistence/soc-history.entity';
import { TaskAssignmentRow } from './persistence/task-assignment.entity';
import { TelemetryReadingRow } from './persistence/telemetry-reading.entity';
import { VehicleEvccidRow } from './persistence/vehicle-evccid.entity';
import { VehicleSocStateRow } from './persistence/vehicle-soc-state.entity';

/** Registered in src/database/data-source-options.ts. */
export const FLEET_STATE_ENTITIES = [
  VehicleSocStateRow,
  SocHistoryRow,
  TelemetryReadingRow,
  FleetSessionRow,
  SessionPendingEventRow,
  VehicleEvccidRow,
  ConsumptionLearnerStateRow,
  TaskAssignmentRow,
];

/** The vehicles' idle drain column is here too: fleet state is its only reader (the SoC estimator). */
export const FLEET_STATE_MIGRATIONS = [FleetState1795460000000];
