import { Inject, Injectable } from '@nestjs/common';
import {
  buildPowerProfile,
  ChargingRateUnit,
  ElectricalSupply,
  NeutralChargingProfile,
  OcppVersion,
  toV16ChargingProfile,
  toV201ChargingProfile,
  withoutUndefined,
} from '@apron/ocpp-model';
import { ChargersService } from '../../chargers/chargers.service';
import { CLOCK, Clock } from '../../common/clock';
import { ChargerConnection } from '../gateway/charger-connection';
import { SessionsRepository } from '../persistence/sessions.repository';
import { SessionTracker } from '../sessions/session-tracker';
import { ChargerCall } from './charger-call';
import {
  ChargerCommands,
  ClearProfileCriteria,
  CommandOutcome,
  ConfigurationKey,
  ConfigurationSetting,
  InvalidCommandError,
  PowerProfileCommand,
  ResetKind,
} from './charger-commands';
import { V16_PURPOSE, V16_TRIGGERS, V201_PURPOSE, V201_TRIGGERS } from './command-vocabulary';
import { ProfileLedger } from './profile-ledger';
import {
  configurationCalls,
  configurationReads,
  itemsPerMessageKey,
  socMeterValueSettings,
} from './configuration-payloads';

/** The gateway's implementation of ChargerCommands: one method per command, the version decides the payload. */
@Injectable()
export class OcppCommandsService implements ChargerCommands {
  private nextRemoteStartId = Math.floor(Date.now() / 1000) % 1_000_000_000;
  /** Per live connection: the station's ItemsPerMessage for Get/SetVariables (gone with the connection). */
  private readonly itemLimits = new WeakMap<ChargerConnection, Map<string, number | undefined>>();

  constructor(
    private readonly call: ChargerCall,
    private readonly chargers: ChargersService,
    private readonly sessions: SessionsRepository,
    private readonly tracker: SessionTracker,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly ledger: ProfileLedger,
  ) {}

  isOnline(chargePointId: string): boolean {
    try {
      return this.call.connection(chargePointId).open;
    } catch {
      return false;
    }
  }

  ocppVersion(chargePointId: string): OcppVersion | undefined {
    return this.isOnline(chargePointId) ? this.call.connection(chargePointId).version : undefined;
  }

  async setPowerProfile(chargePointId: string, command: PowerProfileCommand): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const supply = command.supply ?? (await this.electricalSupply(chargePointId));
    const profile = invalidIfThrows(() =>
      buildPowerProfile({
        slots: command.slots,
        purpose: command.purpose,
        profileId: command.profileId,
        stackLevel: command.stackLevel,
        evseId: command.evseId,
        transactionId: command.transactionId,
        supply,
        preferredRateUnit: command.rateUnit,
        validTo: command.validTo,
      }),
    );
    return this.sendProfile(connection, profile);
  }

  setChargingProfile(chargePointId: string, profile: NeutralChargingProfile): Promise<CommandOutcome> {
    return this.sendProfile(this.call.connection(chargePointId), profile);
  }

  /**
   * 1.6 §5.16 / 2.0.1 K01: same profile id replaces (K01.FR.05). A TxProfile only for a transaction that is open here
   * (K01.FR.03, K01.FR.09: the station would reject it anyway).
   */
  private async sendProfile(connection: ChargerConnection, profile: NeutralChargingProfile): Promise<CommandOutcome> {
    if (profile.purpose === 'Tx') {
      const { chargePointId } = connection;
      // The gateway tracks the open sessions of its chargers in memory; one it does not track is looked up.
      const open =
        profile.transactionId !== undefined &&
        (this.tracker.get(chargePointId, profile.transactionId) !== undefined ||
          (await this.sessions.findByTransaction(chargePointId, profile.transactionId))?.stoppedAt === null);
      if (!open) {
        throw new InvalidCommandError(
          `no open transaction ${profile.transactionId ?? ''} on ${connection.chargePointId}`,
        );
      }
    }
    const conflict = this.ledger.conflict(connection.chargePointId, profile, this.clock.now());
    // validTo values come from the scheduler's clock, so the overlap check (K01.FR.06) is judged on the same clock.
    if (conflict) {
      throw new InvalidCommandError(
        `profile ${conflict.id} already has stack level ${conflict.stackLevel} for ${conflict.purpose} on EVSE ` +
          `${conflict.evseId} with overlapping validity: reuse its id or clear it first (K01.FR.06/39)`,
      );
    }
    const outcome =
      connection.version === '1.6'
        ? await this.call.send(
            connection,
            'SetChargingProfile',
            withoutUndefined({
              connectorId: profile.evseId,
              csChargingProfiles: invalidIfThrows(() => toV16ChargingProfile(profile)),
            }),
          )
        : await this.call.send(
            connection,
            'SetChargingProfile',
            withoutUndefined({ evseId: profile.evseId, chargingProfile: toV201ChargingProfile(profile) }),
          );
    if (outcome.accepted) this.ledger.record(connection.chargePointId, profile);
    return outcome;
  }

  async clearChargingProfile(chargePointId: string, criteria: ClearProfileCriteria): Promise<CommandOutcome> {
    const outcome = await this.sendClear(this.call.connection(chargePointId), criteria);
    if (outcome.accepted) this.ledger.clear(chargePointId, criteria);
    return outcome;
  }

  private sendClear(connection: ChargerConnection, criteria: ClearProfileCriteria): Promise<CommandOutcome> {
    if (connection.version === '1.6') {
      return this.call.send(
        connection,
        'ClearChargingProfile',
        withoutUndefined({
          id: criteria.profileId,
          connectorId: criteria.evseId,
          chargingProfilePurpose: criteria.purpose && V16_PURPOSE[criteria.purpose],
          stackLevel: criteria.stackLevel,
        }),
      );
    }
    const filter = withoutUndefined({
      evseId: criteria.evseId,
      chargingProfilePurpose: criteria.purpose && V201_PURPOSE[criteria.purpose],
      stackLevel: criteria.stackLevel,
    });
    return this.call.send(
      connection,
      'ClearChargingProfile',
      withoutUndefined({
        chargingProfileId: criteria.profileId,
        chargingProfileCriteria: Object.keys(filter).length > 0 ? filter : undefined,
      }),
    );
  }

  getCompositeSchedule(
    chargePointId: string,
    request: { evseId: number; durationSeconds: number; rateUnit?: ChargingRateUnit },
  ): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const base = { duration: request.durationSeconds, chargingRateUnit: request.rateUnit };
    const payload =
      connection.version === '1.6' ? { connectorId: request.evseId, ...base } : { evseId: request.evseId, ...base };
    return this.call.send(connection, 'GetCompositeSchedule', withoutUndefined(payload));
  }

  remoteStart(chargePointId: string, request: { idTag: string; evseId?: number }): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    if (connection.version === '1.6') {
      return this.call.send(
        connection,
        'RemoteStartTransaction',
        withoutUndefined({ connectorId: request.evseId, idTag: request.idTag }),
      );
    }
    // F01: remoteStartId links the TransactionEvent that follows to this request.
    const remoteStartId = ++this.nextRemoteStartId;
    return this.call.send(
      connection,
      'RequestStartTransaction',
      withoutUndefined({
        evseId: request.evseId,
        remoteStartId,
        idToken: { idToken: request.idTag, type: 'Central' },
      }),
    );
  }

  remoteStop(chargePointId: string, request: { transactionId: string }): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    if (connection.version === '2.0.1') {
      return this.call.send(connection, 'RequestStopTransaction', { transactionId: request.transactionId });
    }
    const transactionId = Number(request.transactionId);
    if (!Number.isInteger(transactionId)) throw new InvalidCommandError('1.6 transaction ids are integers');
    return this.call.send(connection, 'RemoteStopTransaction', { transactionId });
  }

  /** The triggered message is then allowed even before the boot is Accepted (B02.FR.02, TC_B_31_CSMS). */
  triggerMessage(chargePointId: string, request: { message: string; evseId?: number }): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const triggered =
      connection.version === '1.6'
        ? V16_TRIGGERS.has(request.message)
          ? request.message
          : undefined
        : V201_TRIGGERS.get(request.message);
    if (!triggered) throw new InvalidCommandError(`OCPP ${connection.version} cannot trigger ${request.message}`);
    connection.allowTriggered(triggered);
    const payload =
      connection.version === '1.6'
        ? { requestedMessage: request.message, connectorId: request.evseId }
        : { requestedMessage: request.message, evse: request.evseId ? { id: request.evseId } : undefined };
    return this.call.send(connection, 'TriggerMessage', withoutUndefined(payload));
  }

  async setConfiguration(chargePointId: string, settings: ConfigurationSetting[]): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const limit = settings.length > 1 ? await this.itemsPerMessage(connection, 'SetVariables') : undefined;
    const calls = invalidIfThrows(() => configurationCalls(connection.version, settings, limit));
    const outcomes: CommandOutcome[] = [];
    for (const [action, payload] of calls) outcomes.push(await this.call.send(connection, action, payload));
    if (connection.version === '2.0.1')
      return this.variableOutcome(joined(outcomes, 'setVariableResult'), 'setVariableResult');
    const rejected = outcomes.find((outcome) => !outcome.accepted);
    return {
      accepted: rejected === undefined,
      status: rejected?.status ?? outcomes[outcomes.length - 1]?.status ?? 'Accepted',
      response: { results: outcomes.map((outcome, i) => ({ key: settings[i].key, status: outcome.status })) },
    };
  }

  async getConfiguration(chargePointId: string, keys: ConfigurationKey[]): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const limit = keys.length > 1 ? await this.itemsPerMessage(connection, 'GetVariables') : undefined;
    const calls = invalidIfThrows(() => configurationReads(connection.version, keys, limit));
    const outcomes: CommandOutcome[] = [];
    for (const [action, payload] of calls) outcomes.push(await this.call.send(connection, action, payload));
    if (connection.version === '1.6') return outcomes[0];
    return this.variableOutcome(joined(outcomes, 'getVariableResult'), 'getVariableResult');
  }

  /**
   * 2.0.1 B05.FR.11 / B06.FR.05: how many items the station takes in one Get/SetVariables, asked once per connection
   * (one item is always allowed); undefined on 1.6 or when the station does not say.
   */
  private async itemsPerMessage(
    connection: ChargerConnection,
    action: 'GetVariables' | 'SetVariables',
  ): Promise<number | undefined> {
    if (connection.version !== '2.0.1') return undefined;
    const known = this.itemLimits.get(connection) ?? new Map<string, number | undefined>();
    this.itemLimits.set(connection, known);
    if (known.has(action)) return known.get(action);
    const [[, payload]] = configurationReads('2.0.1', [itemsPerMessageKey(action)]);
    // A station that cannot say (an error, an invalid answer) gets the request whole, as before.
    const outcome = await this.call.send(connection, 'GetVariables', payload).catch(() => undefined);
    const [result] = (outcome?.response.getVariableResult ?? []) as {
      attributeStatus?: string;
      attributeValue?: string;
    }[];
    const value = result?.attributeStatus === 'Accepted' ? Number(result.attributeValue) : NaN;
    const limit = Number.isInteger(value) && value > 0 ? value : undefined;
    known.set(action, limit);
    return limit;
  }

  enableSocMeterValues(chargePointId: string, intervalSeconds?: number): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    return this.setConfiguration(chargePointId, socMeterValueSettings(connection.version, intervalSeconds));
  }

  changeAvailability(chargePointId: string, request: { evseId: number; operative: boolean }): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const status = request.operative ? 'Operative' : 'Inoperative';
    const payload =
      connection.version === '1.6'
        ? { connectorId: request.evseId, type: status }
        : { operationalStatus: status, evse: request.evseId > 0 ? { id: request.evseId } : undefined };
    return this.call.send(connection, 'ChangeAvailability', withoutUndefined(payload));
  }

  reset(chargePointId: string, request: { kind: ResetKind; evseId?: number }): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const hard = request.kind === 'Hard' || request.kind === 'Immediate';
    if (connection.version === '1.6') return this.call.send(connection, 'Reset', { type: hard ? 'Hard' : 'Soft' });
    return this.call.send(
      connection,
      'Reset',
      withoutUndefined({ type: hard ? 'Immediate' : 'OnIdle', evseId: request.evseId }),
    );
  }

  unlockConnector(chargePointId: string, request: { evseId: number; connectorId?: number }): Promise<CommandOutcome> {
    const connection = this.call.connection(chargePointId);
    const payload =
      connection.version === '1.6'
        ? { connectorId: request.evseId }
        : { evseId: request.evseId, connectorId: request.connectorId ?? 1 };
    return this.call.send(connection, 'UnlockConnector', payload);
  }

  private variableOutcome(outcome: CommandOutcome, list: 'setVariableResult' | 'getVariableResult'): CommandOutcome {
    const results = (outcome.response[list] ?? []) as { attributeStatus: string }[];
    const rejected = results.find((r) => r.attributeStatus !== 'Accepted' && r.attributeStatus !== 'RebootRequired');
    return { ...outcome, accepted: rejected === undefined, status: rejected?.attributeStatus ?? 'Accepted' };
  }

  /** The charger's supply as registered (AC/DC, phases, voltage): how its limits in A and W convert. */
  async electricalSupply(chargePointId: string): Promise<ElectricalSupply> {
    const charger = await this.chargers.findByChargePointId(chargePointId);
    if (!charger) throw new InvalidCommandError(`Charger ${chargePointId} is not registered`);
    return {
      currentType: charger.currentType,
      phases: charger.phases ?? undefined,
      nominalVoltageV: charger.voltageV ?? undefined,
    };
  }
}

function invalidIfThrows<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw new InvalidCommandError((error as Error).message);
  }
}

/** The answers of a request sent in several parts, as if it had been one: their result lists joined. */
function joined(outcomes: CommandOutcome[], list: 'setVariableResult' | 'getVariableResult'): CommandOutcome {
  if (outcomes.length === 1) return outcomes[0];
  const results = outcomes.flatMap((outcome) => (outcome.response[list] ?? []) as unknown[]);
  return { accepted: outcomes.every((outcome) => outcome.accepted), status: 'Accepted', response: { [list]: results } };
}
