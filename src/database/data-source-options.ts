import { DataSourceOptions } from 'typeorm';
import { ApiKey } from '../auth/api-key.entity';
import { Charger } from '../chargers/charger.entity';
import { Connector } from '../chargers/connector.entity';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from '../dispatch/dispatch.entities';
import { Vehicle } from '../fleet/vehicle.entity';
import { VehicleEvccidRow } from '../fleet/vehicle-evccid.entity';
import { FLIGHTS_ENTITIES, FLIGHTS_MIGRATIONS } from '../flights/flights.entities';
import { SOC_TRACKING_ENTITIES, SOC_TRACKING_MIGRATIONS } from '../soc-tracking/soc-tracking.entities';
import { Site } from '../sites/site.entity';
import { OCPP_ENTITIES } from '../ocpp/persistence/ocpp-entities';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from '../scheduling/scheduling.entities';
import { TaskAssignmentRow } from '../tasks/task-assignment.entity';
import { TransferTask } from '../tasks/transfer-task.entity';
import { IdempotencyKeyRow } from '../idempotency/idempotency-key.entity';
import { InitialSchema1795000000000 } from './migrations/1795000000000-initial-schema';
import { SiteReferencesNoAction1795380771224 } from './migrations/1795380771224-site-references-no-action';
import { OcppGateway1795400000000 } from './migrations/1795400000000-ocpp-gateway';
import { VehicleIdleDrain1795660000000 } from './migrations/1795660000000-vehicle-idle-drain';
import { OneSessionRecord1795800000000 } from './migrations/1795800000000-one-session-record';
import { ImplausibleMeterSamples1795900000000 } from './migrations/1795900000000-implausible-meter-samples';
import { MeterSamplesOnce1796000000000 } from './migrations/1796000000000-meter-samples-once';
import { SiteDepartureLead1795700000000 } from './migrations/1795700000000-site-departure-lead';
import { IdempotencyKeys1796200000000 } from './migrations/1796200000000-idempotency-keys';

export const ENTITIES = [
  Site,
  Charger,
  Connector,
  Vehicle,
  TransferTask,
  TaskAssignmentRow,
  VehicleEvccidRow,
  ApiKey,
  IdempotencyKeyRow,
  ...OCPP_ENTITIES,
  ...SCHEDULING_ENTITIES,
  ...SOC_TRACKING_ENTITIES,
  ...DISPATCH_ENTITIES,
  ...FLIGHTS_ENTITIES,
];
export const MIGRATIONS = [
  InitialSchema1795000000000,
  SiteReferencesNoAction1795380771224,
  OcppGateway1795400000000,
  ...SCHEDULING_MIGRATIONS,
  ...SOC_TRACKING_MIGRATIONS,
  ...DISPATCH_MIGRATIONS,
  // Columns and tables of the core features, after the feature migrations they follow in time.
  VehicleIdleDrain1795660000000,
  SiteDepartureLead1795700000000,
  OneSessionRecord1795800000000,
  ImplausibleMeterSamples1795900000000,
  MeterSamplesOnce1796000000000,
  ...FLIGHTS_MIGRATIONS,
  IdempotencyKeys1796200000000,
];

export interface DatabaseTarget {
  url: string;
  /** Pool size; for the embedded database, no larger than its socket server's connection limit. */
  poolSize: number;
  /** The in-process database: no network between us, so no network timeouts. */
  embedded?: boolean;
}

/**
 * A server that stops answering must not hold requests for as long as it hangs: opening a connection, and waiting for
 * one from the pool, give up after CONNECT_TIMEOUT_MS; a query without an answer after QUERY_TIMEOUT_MS fails.
 */
const CONNECT_TIMEOUT_MS = 5000;
const QUERY_TIMEOUT_MS = 30_000;

/** TypeORM options for a PostgreSQL server or the embedded database; the schema comes from migrations only. */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // TypeORM 1.1 would otherwise CREATE EXTENSION "uuid-ossp" (FACTS.md); gen_random_uuid() is core since PG 13.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: target.embedded
      ? { max: target.poolSize }
      : { max: target.poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS },
    logging: ['migration'],
  };
}
