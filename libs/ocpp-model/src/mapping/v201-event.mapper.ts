/** Maps OCPP 2.0.1 Charging Station → CSMS requests onto version-neutral events. */
import { OcppEvent } from '../events/ocpp-event.types';
import { profileFromV201, scheduleFromV201 } from '../profiles/profile-version.adapter';
import { V201StationRequests } from '../v201/v201-station.messages';
import { meterSamplesFromV201 } from './v201-sampled-value.adapter';
import { mapTransactionEvent } from './v201-transaction-event.mapper';

const optionalDate = (iso?: string) => (iso === undefined ? undefined : new Date(iso));

type Handlers = { [A in keyof V201StationRequests]: (req: V201StationRequests[A]) => OcppEvent[] };

const HANDLERS: Handlers = {
  BootNotification: (req) => [
    {
      type: 'charger.booted',
      vendor: req.chargingStation.vendorName,
      model: req.chargingStation.model,
      serialNumber: req.chargingStation.serialNumber,
      firmwareVersion: req.chargingStation.firmwareVersion,
      reason: req.reason,
    },
  ],
  Heartbeat: () => [{ type: 'charger.heartbeat' }],
  StatusNotification: (req) => [
    {
      type: 'connector.status',
      evseId: req.evseId,
      connectorId: req.connectorId,
      status: req.connectorStatus,
      rawStatus: req.connectorStatus,
      at: new Date(req.timestamp),
    },
  ],
  Authorize: (req) => [{ type: 'authorize.requested', idTag: req.idToken.idToken, idTokenType: req.idToken.type }],
  TransactionEvent: mapTransactionEvent,
  MeterValues: (req) => meterSamplesFromV201(req.meterValue, req.evseId),
  // K15–K17: energy in Wh, currents in A, power in W; AC needs give no power, DC needs may give SoC and capacity.
  NotifyEVChargingNeeds: (req) => {
    const ac = req.chargingNeeds.acChargingParameters;
    const dc = req.chargingNeeds.dcChargingParameters;
    return [
      {
        type: 'ev.chargingNeeds',
        evseId: req.evseId,
        transferMode: req.chargingNeeds.requestedEnergyTransfer,
        departureTime: optionalDate(req.chargingNeeds.departureTime),
        energyAmountWh: ac?.energyAmount ?? dc?.energyAmount,
        minCurrentA: ac?.evMinCurrent,
        maxCurrentA: ac?.evMaxCurrent ?? dc?.evMaxCurrent,
        maxVoltageV: ac?.evMaxVoltage ?? dc?.evMaxVoltage,
        maxPowerW: dc?.evMaxPower,
        socPercent: dc?.stateOfCharge,
        capacityWh: dc?.evEnergyCapacity,
        maxScheduleTuples: req.maxScheduleTuples,
      },
    ];
  },
  NotifyChargingLimit: (req) => [
    {
      type: 'chargingLimit.set',
      evseId: req.evseId,
      source: req.chargingLimit.chargingLimitSource,
      isGridCritical: req.chargingLimit.isGridCritical,
      schedules: (req.chargingSchedule ?? []).map(scheduleFromV201),
    },
  ],
  // K17: judged by the CSMS against what it granted (ev-schedule-check.ts); nothing for the session to learn.
  NotifyEVChargingSchedule: () => [],
  ClearedChargingLimit: (req) => [
    { type: 'chargingLimit.cleared', evseId: req.evseId, source: req.chargingLimitSource },
  ],
  ReportChargingProfiles: (req) => [
    {
      type: 'chargingProfiles.reported',
      requestId: req.requestId,
      evseId: req.evseId,
      source: req.chargingLimitSource,
      profiles: req.chargingProfile.map((p) => profileFromV201(p, req.evseId)),
      tbc: req.tbc ?? false,
    },
  ],
  NotifyReport: (req) => [
    {
      type: 'device.report',
      requestId: req.requestId,
      seqNo: req.seqNo,
      tbc: req.tbc ?? false,
      generatedAt: new Date(req.generatedAt),
      variables: (req.reportData ?? []).map((d) => ({
        component: d.component.name,
        evseId: d.component.evse?.id,
        variable: d.variable.name,
        instance: d.variable.instance,
        value: (d.variableAttribute.find((a) => (a.type ?? 'Actual') === 'Actual') ?? d.variableAttribute[0])?.value,
      })),
    },
  ],
  NotifyEvent: (req) => [
    {
      type: 'device.event',
      seqNo: req.seqNo,
      generatedAt: new Date(req.generatedAt),
      events: req.eventData.map((e) => ({
        eventId: e.eventId,
        at: new Date(e.timestamp),
        trigger: e.trigger,
        component: e.component.name,
        variable: e.variable.name,
        actualValue: e.actualValue,
        cleared: e.cleared,
        transactionId: e.transactionId,
      })),
    },
  ],
  SecurityEventNotification: (req) => [
    { type: 'security.event', eventType: req.type, at: new Date(req.timestamp), techInfo: req.techInfo },
  ],
  FirmwareStatusNotification: (req) => [
    { type: 'maintenance.status', kind: 'firmware', status: req.status, requestId: req.requestId },
  ],
  LogStatusNotification: (req) => [
    { type: 'maintenance.status', kind: 'log', status: req.status, requestId: req.requestId },
  ],
  DataTransfer: (req) => [{ type: 'data.transfer', vendorId: req.vendorId, messageId: req.messageId, data: req.data }],
};

export function isV201StationAction(action: string): action is keyof V201StationRequests {
  return Object.prototype.hasOwnProperty.call(HANDLERS, action);
}

/** Events for one 2.0.1 request; unknown actions give no events. */
export function map201<A extends keyof V201StationRequests>(action: A, request: V201StationRequests[A]): OcppEvent[];
export function map201(action: string, request: unknown): OcppEvent[];
export function map201(action: string, request: unknown): OcppEvent[] {
  if (!isV201StationAction(action)) return [];
  const handler = HANDLERS[action] as (req: unknown) => OcppEvent[];
  return handler(request);
}
