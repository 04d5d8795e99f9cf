import { PowerProfileRequest } from './charging-profile.builder';
import { buildV16SetChargingProfile } from './v16-profile.builder';
import { buildV201SetChargingProfile } from './v201-profile.builder';

// Test-only use of the official JSON schemas bundled with ocpp-rpc: every built payload must pass strict mode.
const [v16Schemas, v201Schemas] = require('ocpp-rpc/lib/standard-validators');

const start = new Date('2026-11-22T06:00:00Z');
const slots = (kws: number[], minutes = 15) =>
  kws.map((powerKw, i) => ({
    start: new Date(start.getTime() + i * minutes * 60_000),
    durationSeconds: minutes * 60,
    powerKw,
  }));

const ac3: PowerProfileRequest['supply'] = { currentType: 'AC', phases: 3, nominalVoltageV: 230 };

const base = (over: Partial<PowerProfileRequest> = {}): PowerProfileRequest => ({
  slots: slots([11, 11, 7.4, 0]),
  purpose: 'Tx',
  profileId: 7,
  stackLevel: 1,
  evseId: 1,
  transactionId: 42,
  supply: ac3,
  ...over,
});

describe('buildV16SetChargingProfile', () => {
  it('turns kW slots into an Absolute A profile: A = W / (phases × V), 0.1 A rounded down (1.6 §5.16, §7.8)', () => {
    const req = buildV16SetChargingProfile(base());
    v16Schemas.validate('urn:SetChargingProfile.req', req);
    expect(req).toEqual({
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 7,
        transactionId: 42,
        stackLevel: 1,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Absolute',
        validFrom: '2026-11-22T06:00:00.000Z',
        validTo: '2026-11-22T07:00:00.000Z',
        chargingSchedule: {
          duration: 3600,
          startSchedule: '2026-11-22T06:00:00.000Z',
          chargingRateUnit: 'A',
          chargingSchedulePeriod: [
            { startPeriod: 0, limit: 15.9, numberPhases: 3 },
            { startPeriod: 1800, limit: 10.7, numberPhases: 3 },
            { startPeriod: 2700, limit: 0, numberPhases: 3 },
          ],
        },
      },
    });
  });

  it('uses W when the charger only supports W, and whole watts', () => {
    const req = buildV16SetChargingProfile(base({ supportedRateUnits: ['W'], slots: slots([7.3995]) }));
    expect(req.csChargingProfiles.chargingSchedule).toMatchObject({
      chargingRateUnit: 'W',
      chargingSchedulePeriod: [{ startPeriod: 0, limit: 7399, numberPhases: 3 }],
    });
  });

  it('builds a ChargePointMaxProfile on connector 0 without a transaction (1.6 §3.13.1)', () => {
    const req = buildV16SetChargingProfile(
      base({ purpose: 'StationMax', evseId: 0, transactionId: undefined, stackLevel: 0 }),
    );
    v16Schemas.validate('urn:SetChargingProfile.req', req);
    expect(req.connectorId).toBe(0);
    expect(req.csChargingProfiles.chargingProfilePurpose).toBe('ChargePointMaxProfile');
    expect(req.csChargingProfiles.chargingProfileKind).toBe('Absolute');
    expect(req.csChargingProfiles.transactionId).toBeUndefined();
  });

  it('rejects invalid targets: max profile off connector 0, TxProfile without transaction or on EVSE 0', () => {
    expect(() => buildV16SetChargingProfile(base({ purpose: 'StationMax', evseId: 1 }))).toThrow(/EVSE 0/);
    expect(() => buildV16SetChargingProfile(base({ transactionId: undefined }))).toThrow(/K01.FR.03/);
    expect(() => buildV16SetChargingProfile(base({ evseId: 0 }))).toThrow(/K01.FR.16/);
    expect(() => buildV16SetChargingProfile(base({ transactionId: 'abc' }))).toThrow(/integers/);
  });

  it('rejects slots that are not back to back', () => {
    const gapped = [slots([5])[0], { start: new Date(start.getTime() + 3600_000), durationSeconds: 900, powerKw: 5 }];
    expect(() => buildV16SetChargingProfile(base({ slots: gapped }))).toThrow(/back to back/);
    expect(() => buildV16SetChargingProfile(base({ slots: [] }))).toThrow(/no slots/);
  });

  it('cuts the schedule at ChargingScheduleMaxPeriods and ends validity with it', () => {
    const req = buildV16SetChargingProfile(base({ slots: slots([11, 7, 5, 3]), maxPeriods: 2 }));
    const profile = req.csChargingProfiles;
    expect(profile.chargingSchedule.chargingSchedulePeriod).toHaveLength(2);
    expect(profile.chargingSchedule.duration).toBe(1800);
    expect(profile.validTo).toBe('2026-11-22T06:30:00.000Z');
  });
});

describe('buildV201SetChargingProfile', () => {
  it('builds a DC TxProfile in W without numberPhases (K01.FR.44), transactionId as string (K01.FR.03)', () => {
    const req = buildV201SetChargingProfile(
      base({ supply: { currentType: 'DC' }, transactionId: 'tx-991', slots: slots([150, 150, 90.5]) }),
    );
    v201Schemas.validate('urn:SetChargingProfile.req', req);
    expect(req).toEqual({
      evseId: 1,
      chargingProfile: {
        id: 7,
        stackLevel: 1,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Absolute',
        validFrom: '2026-11-22T06:00:00.000Z',
        validTo: '2026-11-22T06:45:00.000Z',
        transactionId: 'tx-991',
        chargingSchedule: [
          {
            id: 7,
            startSchedule: '2026-11-22T06:00:00.000Z',
            duration: 2700,
            chargingRateUnit: 'W',
            chargingSchedulePeriod: [
              { startPeriod: 0, limit: 150000 },
              { startPeriod: 1800, limit: 90500 },
            ],
          },
        ],
      },
    });
  });

  it('builds a ChargingStationMaxProfile on EVSE 0 for a single-phase AC site in A', () => {
    const req = buildV201SetChargingProfile(
      base({
        purpose: 'StationMax',
        evseId: 0,
        transactionId: undefined,
        supply: { currentType: 'AC', phases: 1, nominalVoltageV: 230 },
        slots: slots([7.36]),
      }),
    );
    v201Schemas.validate('urn:SetChargingProfile.req', req);
    expect(req.chargingProfile.chargingProfilePurpose).toBe('ChargingStationMaxProfile');
    expect(req.chargingProfile.chargingSchedule[0].chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 32, numberPhases: 1 },
    ]);
  });

  it('refuses DC when the station only supports A', () => {
    expect(() =>
      buildV201SetChargingProfile(base({ supply: { currentType: 'DC' }, supportedRateUnits: ['A'] })),
    ).toThrow(/DC/);
  });
});
