import { map201 } from './v201-event.mapper';

// Test-only use of the official 2.0.1 JSON schemas bundled with ocpp-rpc, so every fixture is a valid request.
const [, v201Schemas] = require('ocpp-rpc/lib/standard-validators');
const valid = <T>(action: string, payload: T): T => {
  v201Schemas.validate(`urn:${action}.req`, payload);
  return payload;
};

const energy = (wh: number, context: string) => ({
  value: wh,
  context,
  measurand: 'Energy.Active.Import.Register' as const,
  unitOfMeasure: { unit: 'Wh' },
});

describe('map201', () => {
  it('maps BootNotification with its reason', () => {
    const req = valid('BootNotification', {
      reason: 'PowerUp',
      chargingStation: { vendorName: 'VendorY', model: 'HPC150', serialNumber: 'S-9', firmwareVersion: '4.0' },
    });
    expect(map201('BootNotification', req)).toEqual([
      {
        type: 'charger.booted',
        vendor: 'VendorY',
        model: 'HPC150',
        serialNumber: 'S-9',
        firmwareVersion: '4.0',
        reason: 'PowerUp',
      },
    ]);
  });

  it('maps StatusNotification per EVSE and connector', () => {
    const req = valid('StatusNotification', {
      timestamp: '2026-11-22T06:00:00Z',
      connectorStatus: 'Occupied',
      evseId: 2,
      connectorId: 1,
    });
    expect(map201('StatusNotification', req)).toEqual([
      {
        type: 'connector.status',
        evseId: 2,
        connectorId: 1,
        status: 'Occupied',
        rawStatus: 'Occupied',
        at: new Date('2026-11-22T06:00:00Z'),
      },
    ]);
  });

  it('maps TransactionEvent Started with seqNo, idToken and the Transaction.Begin register as meter start (E01)', () => {
    const req = valid('TransactionEvent', {
      eventType: 'Started',
      timestamp: '2026-11-22T06:01:00Z',
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'tx-991', chargingState: 'EVConnected', remoteStartId: 7 },
      evse: { id: 1, connectorId: 1 },
      idToken: { idToken: 'EV-4711', type: 'ISO14443' },
      meterValue: [{ timestamp: '2026-11-22T06:01:00Z', sampledValue: [energy(120500, 'Transaction.Begin')] }],
    });
    const [started, sample] = map201('TransactionEvent', req);
    expect(started).toEqual({
      type: 'session.started',
      transactionId: 'tx-991',
      evseId: 1,
      connectorId: 1,
      idTag: 'EV-4711',
      at: new Date('2026-11-22T06:01:00Z'),
      seqNo: 0,
      triggerReason: 'Authorized',
      offline: undefined,
      meterStartWh: 120500,
      reservationId: undefined,
      remoteStartId: 7,
    });
    expect(sample).toMatchObject({ type: 'meter.sample', evseId: 1, transactionId: 'tx-991', energyWh: 120500 });
  });

  it('maps TransactionEvent Updated with periodic samples (multiplier, kW, SoC)', () => {
    const req = valid('TransactionEvent', {
      eventType: 'Updated',
      timestamp: '2026-11-22T06:16:00Z',
      triggerReason: 'MeterValuePeriodic',
      seqNo: 1,
      transactionInfo: { transactionId: 'tx-991', chargingState: 'Charging' },
      meterValue: [
        {
          timestamp: '2026-11-22T06:16:00Z',
          sampledValue: [
            { value: 125.3, context: 'Sample.Periodic', unitOfMeasure: { unit: 'Wh', multiplier: 3 } },
            { value: 48, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'kW' }, context: 'Sample.Periodic' },
            { value: 41, measurand: 'SoC', unitOfMeasure: { unit: 'Percent' }, context: 'Sample.Periodic' },
          ],
        },
      ],
    });
    const [updated, sample] = map201('TransactionEvent', req);
    expect(updated).toMatchObject({
      type: 'session.updated',
      transactionId: 'tx-991',
      seqNo: 1,
      chargingState: 'Charging',
    });
    expect(sample).toMatchObject({ energyWh: 125300, powerW: 48000, socPercent: 41, evseId: undefined });
  });

  it('maps TransactionEvent Ended: samples first, then session.ended with the Transaction.End register (E06)', () => {
    const req = valid('TransactionEvent', {
      eventType: 'Ended',
      timestamp: '2026-11-22T07:00:00Z',
      triggerReason: 'EVDeparted',
      seqNo: 5,
      offline: true,
      transactionInfo: { transactionId: 'tx-991', stoppedReason: 'EVDisconnected' },
      meterValue: [{ timestamp: '2026-11-22T07:00:00Z', sampledValue: [energy(160000, 'Transaction.End')] }],
    });
    const events = map201('TransactionEvent', req);
    expect(events.map((e) => e.type)).toEqual(['meter.sample', 'session.ended']);
    expect(events[1]).toMatchObject({
      transactionId: 'tx-991',
      meterStopWh: 160000,
      reason: 'EVDisconnected',
      seqNo: 5,
      offline: true,
    });
  });

  it('maps NotifyEVChargingNeeds (K15) with departure time and energy in Wh', () => {
    const req = valid('NotifyEVChargingNeeds', {
      evseId: 1,
      chargingNeeds: {
        requestedEnergyTransfer: 'DC',
        departureTime: '2026-11-22T08:30:00Z',
        dcChargingParameters: {
          evMaxCurrent: 300,
          evMaxVoltage: 800,
          energyAmount: 42000,
          evMaxPower: 150000,
          stateOfCharge: 35,
          evEnergyCapacity: 75000,
        },
      },
    });
    expect(map201('NotifyEVChargingNeeds', req)).toEqual([
      {
        type: 'ev.chargingNeeds',
        evseId: 1,
        transferMode: 'DC',
        departureTime: new Date('2026-11-22T08:30:00Z'),
        energyAmountWh: 42000,
        minCurrentA: undefined,
        maxCurrentA: 300,
        maxVoltageV: 800,
        maxPowerW: 150000,
        socPercent: 35,
        capacityWh: 75000,
        maxScheduleTuples: undefined,
      },
    ]);
  });

  it('maps AC charging needs without power', () => {
    const req = valid('NotifyEVChargingNeeds', {
      evseId: 2,
      chargingNeeds: {
        requestedEnergyTransfer: 'AC_three_phase',
        acChargingParameters: { energyAmount: 20000, evMinCurrent: 6, evMaxCurrent: 32, evMaxVoltage: 400 },
      },
    });
    expect(map201('NotifyEVChargingNeeds', req)[0]).toMatchObject({
      energyAmountWh: 20000,
      minCurrentA: 6,
      maxCurrentA: 32,
      maxPowerW: undefined,
      departureTime: undefined,
    });
  });

  it('maps NotifyChargingLimit and ClearedChargingLimit (K12, K13)', () => {
    const req = valid('NotifyChargingLimit', {
      evseId: 0,
      chargingLimit: { chargingLimitSource: 'SO', isGridCritical: true },
      chargingSchedule: [
        {
          id: 1,
          startSchedule: '2026-11-22T06:00:00Z',
          duration: 3600,
          chargingRateUnit: 'W',
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 50000 }],
        },
      ],
    });
    expect(map201('NotifyChargingLimit', req)[0]).toMatchObject({
      type: 'chargingLimit.set',
      source: 'SO',
      isGridCritical: true,
      schedules: [{ rateUnit: 'W', durationSeconds: 3600, periods: [{ startSeconds: 0, limit: 50000 }] }],
    });
    expect(map201('ClearedChargingLimit', { chargingLimitSource: 'SO', evseId: 0 })).toEqual([
      { type: 'chargingLimit.cleared', source: 'SO', evseId: 0 },
    ]);
  });

  it('maps ReportChargingProfiles, NotifyReport, NotifyEvent, security, firmware and log status', () => {
    const report = valid('ReportChargingProfiles', {
      requestId: 3,
      chargingLimitSource: 'CSO',
      evseId: 1,
      chargingProfile: [
        {
          id: 10,
          stackLevel: 0,
          chargingProfilePurpose: 'TxDefaultProfile',
          chargingProfileKind: 'Absolute',
          chargingSchedule: [
            {
              id: 10,
              startSchedule: '2026-11-22T00:00:00Z',
              chargingRateUnit: 'A',
              chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }],
            },
          ],
        },
      ],
    });
    expect(map201('ReportChargingProfiles', report)[0]).toMatchObject({
      type: 'chargingProfiles.reported',
      tbc: false,
      profiles: [{ id: 10, purpose: 'TxDefault', evseId: 1, schedule: { rateUnit: 'A' } }],
    });
    const notifyReport = valid('NotifyReport', {
      requestId: 1,
      generatedAt: '2026-11-22T06:00:00Z',
      seqNo: 0,
      reportData: [
        {
          component: { name: 'SampledDataCtrlr' },
          variable: { name: 'TxUpdatedInterval' },
          variableAttribute: [{ type: 'Actual', value: '60' }],
        },
      ],
    });
    expect(map201('NotifyReport', notifyReport)[0]).toMatchObject({
      type: 'device.report',
      variables: [{ component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', value: '60' }],
    });
    const notifyEvent = valid('NotifyEvent', {
      generatedAt: '2026-11-22T06:00:00Z',
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: '2026-11-22T06:00:00Z',
          trigger: 'Alerting',
          actualValue: 'true',
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'EVSE', evse: { id: 1 } },
          variable: { name: 'Problem' },
        },
      ],
    });
    expect(map201('NotifyEvent', notifyEvent)[0]).toMatchObject({ type: 'device.event', events: [{ eventId: 1 }] });
    expect(
      map201('SecurityEventNotification', { type: 'FirmwareUpdated', timestamp: '2026-11-22T06:00:00Z' }),
    ).toMatchObject([{ type: 'security.event', eventType: 'FirmwareUpdated' }]);
    expect(map201('FirmwareStatusNotification', { status: 'Installed', requestId: 4 })).toEqual([
      { type: 'maintenance.status', kind: 'firmware', status: 'Installed', requestId: 4 },
    ]);
    expect(map201('LogStatusNotification', { status: 'Uploaded', requestId: 5 })).toEqual([
      { type: 'maintenance.status', kind: 'log', status: 'Uploaded', requestId: 5 },
    ]);
    expect(map201('Heartbeat', {})).toEqual([{ type: 'charger.heartbeat' }]);
    expect(map201('Authorize', { idToken: { idToken: 'A1', type: 'ISO14443' } })).toEqual([
      { type: 'authorize.requested', idTag: 'A1', idTokenType: 'ISO14443' },
    ]);
  });
});
