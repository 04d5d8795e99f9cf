import { map16 } from './v16-event.mapper';

// Test-only use of the official 1.6 JSON schemas bundled with ocpp-rpc, so every fixture is a valid request.
const [v16Schemas] = require('ocpp-rpc/lib/standard-validators');
const valid = <T>(action: string, payload: T): T => {
  v16Schemas.validate(`urn:${action}.req`, payload);
  return payload;
};

describe('map16', () => {
  it('maps BootNotification to charger.booted', () => {
    const req = valid('BootNotification', {
      chargePointVendor: 'VendorX',
      chargePointModel: 'DepotAC22',
      chargePointSerialNumber: 'SN-001',
      firmwareVersion: '1.2.3',
    });
    expect(map16('BootNotification', req)).toEqual([
      {
        type: 'charger.booted',
        vendor: 'VendorX',
        model: 'DepotAC22',
        serialNumber: 'SN-001',
        firmwareVersion: '1.2.3',
      },
    ]);
  });

  it.each([
    ['Available', 'Available', undefined],
    ['Preparing', 'Occupied', 'EVConnected'],
    ['Charging', 'Occupied', 'Charging'],
    ['SuspendedEV', 'Occupied', 'SuspendedEV'],
    ['SuspendedEVSE', 'Occupied', 'SuspendedEVSE'],
    ['Finishing', 'Occupied', 'EVConnected'],
    ['Faulted', 'Faulted', undefined],
  ])('normalises StatusNotification %s to %s/%s', (raw, status, chargingState) => {
    const req = valid('StatusNotification', {
      connectorId: 2,
      errorCode: raw === 'Faulted' ? 'GroundFailure' : 'NoError',
      status: raw,
      timestamp: '2026-11-22T06:00:00Z',
    });
    const [event] = map16('StatusNotification', req);
    expect(event).toMatchObject({ type: 'connector.status', evseId: 2, connectorId: 1, status, rawStatus: raw });
    expect(event.type === 'connector.status' && event.chargingState).toBe(chargingState ?? undefined);
    expect(event.type === 'connector.status' && event.errorCode).toBe(raw === 'Faulted' ? 'GroundFailure' : undefined);
  });

  it('maps StartTransaction with the CSMS-assigned transaction id from the response', () => {
    const req = valid('StartTransaction', {
      connectorId: 1,
      idTag: 'BUS-01',
      meterStart: 120500,
      timestamp: '2026-11-22T06:01:00Z',
    });
    const [event] = map16('StartTransaction', req, { idTagInfo: { status: 'Accepted' }, transactionId: 42 });
    expect(event).toEqual({
      type: 'session.started',
      transactionId: '42',
      evseId: 1,
      connectorId: 1,
      idTag: 'BUS-01',
      meterStartWh: 120500,
      at: new Date('2026-11-22T06:01:00Z'),
      reservationId: undefined,
    });
  });

  it('maps StopTransaction with transactionData to meter samples then session.ended (reason defaults to Local)', () => {
    const req = valid('StopTransaction', {
      transactionId: 42,
      idTag: 'BUS-01',
      meterStop: 150500,
      timestamp: '2026-11-22T07:01:00Z',
      transactionData: [
        {
          timestamp: '2026-11-22T07:01:00Z',
          sampledValue: [
            { value: '150.5', measurand: 'Energy.Active.Import.Register', unit: 'kWh', context: 'Transaction.End' },
            { value: '88', measurand: 'SoC', unit: 'Percent', context: 'Transaction.End', location: 'EV' },
          ],
        },
      ],
    });
    const events = map16('StopTransaction', req);
    expect(events).toEqual([
      {
        type: 'meter.sample',
        evseId: undefined,
        transactionId: '42',
        at: new Date('2026-11-22T07:01:00Z'),
        context: 'Transaction.End',
        energyWh: 150500,
        socPercent: 88,
      },
      {
        type: 'session.ended',
        transactionId: '42',
        idTag: 'BUS-01',
        meterStopWh: 150500,
        reason: 'Local',
        at: new Date('2026-11-22T07:01:00Z'),
      },
    ]);
  });

  it('maps MeterValues with string values, units and phases to one sample per timestamp', () => {
    const req = valid('MeterValues', {
      connectorId: 1,
      transactionId: 42,
      meterValue: [
        {
          timestamp: '2026-11-22T06:15:00Z',
          sampledValue: [
            { value: '125.73', measurand: 'Energy.Active.Import.Register', unit: 'kWh', context: 'Sample.Periodic' },
            { value: '7.36', measurand: 'Power.Active.Import', unit: 'kW', phase: 'L1', context: 'Sample.Periodic' },
            { value: '7.36', measurand: 'Power.Active.Import', unit: 'kW', phase: 'L2', context: 'Sample.Periodic' },
            { value: '7.36', measurand: 'Power.Active.Import', unit: 'kW', phase: 'L3', context: 'Sample.Periodic' },
            { value: '32', measurand: 'Current.Import', unit: 'A', phase: 'L1', context: 'Sample.Periodic' },
            { value: '64', measurand: 'SoC', unit: 'Percent', location: 'EV', context: 'Sample.Periodic' },
          ],
        },
        { timestamp: '2026-11-22T06:30:00Z', sampledValue: [{ value: '131250' }] },
      ],
    });
    const events = map16('MeterValues', req);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      type: 'meter.sample',
      evseId: 1,
      transactionId: '42',
      context: 'Sample.Periodic',
      energyWh: 125730,
      currentA: 32,
      socPercent: 64,
    });
    expect(events[0].type === 'meter.sample' && events[0].powerW).toBeCloseTo(22080, 6);
    expect(events[1]).toMatchObject({ energyWh: 131250, at: new Date('2026-11-22T06:30:00Z') });
  });

  it('maps the remaining messages and ignores unknown actions', () => {
    expect(map16('Heartbeat', {})).toEqual([{ type: 'charger.heartbeat' }]);
    expect(map16('Authorize', { idTag: 'BUS-01' })).toEqual([{ type: 'authorize.requested', idTag: 'BUS-01' }]);
    expect(map16('DataTransfer', { vendorId: 'acme', messageId: 'x', data: '{}' })).toEqual([
      { type: 'data.transfer', vendorId: 'acme', messageId: 'x', data: '{}' },
    ]);
    expect(map16('FirmwareStatusNotification', { status: 'Installed' })).toEqual([
      { type: 'maintenance.status', kind: 'firmware', status: 'Installed' },
    ]);
    expect(map16('DiagnosticsStatusNotification', { status: 'Uploaded' })).toEqual([
      { type: 'maintenance.status', kind: 'diagnostics', status: 'Uploaded' },
    ]);
    expect(map16('Bogus', {})).toEqual([]);
  });
});
