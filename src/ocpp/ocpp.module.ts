import { Module } from '@nestjs/common';
import { ChargersModule } from '../chargers/chargers.module';
import { FleetModule } from '../fleet/fleet.module';
import { VehicleIdentityService } from '../fleet/vehicle-identity.service';
import { SitesModule } from '../sites/sites.module';
import { loadOcppConfig, OCPP_CONFIG } from './config/ocpp-config';
import { OcppEventBus } from './events/ocpp-event-bus';
import { OcppMessageCounts } from './events/ocpp-message-counts';
import { ConnectionLifecycle } from './gateway/connection-lifecycle';
import { ConnectionRegistry } from './gateway/connection-registry';
import { CredentialRevocation } from './gateway/credential-revocation';
import { HandshakeAuth } from './gateway/handshake-auth';
import { MessageRouter } from './gateway/message-router';
import { OcppGateway } from './gateway/ocpp-gateway';
import { AuthorizationHandlers } from './handlers/authorization.handlers';
import { DiagnosticsHandlers } from './handlers/diagnostics.handlers';
import { IdTagAuthorizer, VEHICLE_ID_TAGS } from './handlers/id-tag-authorizer';
import { MeterValuesHandlers } from './handlers/meter-values.handlers';
import { ProvisioningHandlers } from './handlers/provisioning.handlers';
import { SmartChargingHandlers } from './handlers/smart-charging.handlers';
import { TransactionEventHandler } from './handlers/transaction-event.handler';
import { TransactionsV16Handlers } from './handlers/transactions-v16.handlers';
import { ChargerEventsRepository } from './persistence/charger-events.repository';
import { ChargerStateRepository } from './persistence/charger-state.repository';
import { ConnectorStatusRepository } from './persistence/connector-status.repository';
import { MessageLogRepository } from './persistence/message-log.repository';
import { MessageLogWriter } from './persistence/message-log.writer';
import { MeterSamplesRepository } from './persistence/meter-samples.repository';
import { SessionsRepository } from './persistence/sessions.repository';
import { MeterSampleWriter } from './sessions/meter-sample.writer';
import { SessionTracker } from './sessions/session-tracker';
import { SessionsService } from './sessions/sessions.service';
import { SessionVehicleController } from './sessions/session-vehicle.controller';
import { SessionVehicleLinks } from './sessions/session-vehicle-links';
import { ChargerRefService } from './read/charger-ref.service';
import { ChargerCall } from './commands/charger-call';
import { CHARGER_COMMANDS } from './commands/charger-commands';
import { ChargerCommandsController } from './commands/charger-commands.controller';
import { OcppCommandsService } from './commands/ocpp-commands.service';
import { ProfileLedger } from './commands/profile-ledger';
import { EvScheduleReview } from './commands/ev-schedule-review';
import { OcppReadController } from './read/ocpp-read.controller';
import { OcppReadService } from './read/ocpp-read.service';

/** The OCPP central system: websocket gateway, message handlers, persistence, commands and read API. */
@Module({
  imports: [ChargersModule, SitesModule, FleetModule],
  controllers: [OcppReadController, ChargerCommandsController, SessionVehicleController],
  providers: [
    { provide: OCPP_CONFIG, useFactory: () => loadOcppConfig() },
    { provide: SessionTracker, useFactory: () => new SessionTracker() },
    OcppEventBus,
    OcppMessageCounts,
    ConnectionRegistry,
    CredentialRevocation,
    ConnectionLifecycle,
    HandshakeAuth,
    MessageRouter,
    OcppGateway,
    IdTagAuthorizer,
    // Case-insensitive idTags (OCPP compares them so) and ISO 15118 EVCCIDs, as the fleet knows its vehicles.
    { provide: VEHICLE_ID_TAGS, useExisting: VehicleIdentityService },
    ProvisioningHandlers,
    AuthorizationHandlers,
    TransactionsV16Handlers,
    TransactionEventHandler,
    MeterValuesHandlers,
    SmartChargingHandlers,
    DiagnosticsHandlers,
    ChargerEventsRepository,
    ChargerStateRepository,
    ConnectorStatusRepository,
    MessageLogRepository,
    MessageLogWriter,
    MeterSamplesRepository,
    SessionsRepository,
    MeterSampleWriter,
    SessionsService,
    SessionVehicleLinks,
    ChargerRefService,
    ChargerCall,
    { provide: ProfileLedger, useFactory: () => new ProfileLedger() },
    OcppCommandsService,
    EvScheduleReview,
    { provide: CHARGER_COMMANDS, useExisting: OcppCommandsService },
    OcppReadService,
  ],
  exports: [OcppEventBus, OcppMessageCounts, OcppReadService, CHARGER_COMMANDS],
})
export class OcppModule {}
