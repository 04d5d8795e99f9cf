import { needsOfSession, StoredNeeds } from './ev-charging-needs';

const DEPARTURE = new Date('2026-11-23T05:40:00Z');

function aSession(overrides: Partial<StoredNeeds> = {}): StoredNeeds {
  return { lastSocPercent: null, evDepartureAt: null, evEnergyAmountWh: null, evChargingNeeds: null, ...overrides };
}

const dcNeeds = (dcChargingParameters: Record<string, unknown>) => ({
  requestedEnergyTransfer: 'DC',
  dcChargingParameters: { evMaxCurrent: 300, evMaxVoltage: 500, ...dcChargingParameters },
});

describe('needsOfSession', () => {
  it('takes battery, SoC, power and the target the energy reaches from DC charging needs', () => {
    const needs = needsOfSession(
      aSession({
        evDepartureAt: DEPARTURE,
        evEnergyAmountWh: 37_500,
        evChargingNeeds: dcNeeds({
          energyAmount: 37_500,
          stateOfCharge: 40,
          evEnergyCapacity: 75_000,
          evMaxPower: 120_000,
        }),
      }),
    );
    expect(needs).toEqual({
      batteryKwh: 75,
      socPercent: 40,
      targetSocPercent: 90,
      departure: DEPARTURE,
      maxChargeKw: 120,
    });
  });

  it('keeps the target from the SoC the car asked at, while the metered SoC moves on', () => {
    const needs = needsOfSession(
      aSession({
        lastSocPercent: 55,
        evEnergyAmountWh: 37_500,
        evChargingNeeds: dcNeeds({ energyAmount: 37_500, stateOfCharge: 40, evEnergyCapacity: 75_000 }),
      }),
    );
    expect(needs).toMatchObject({ socPercent: 55, targetSocPercent: 90 });
  });

  it('from AC needs (energy only) assumes a 60 kWh battery from the metered SoC, capped at 100 %', () => {
    const ac = { requestedEnergyTransfer: 'AC_three_phase', acChargingParameters: { energyAmount: 48_000 } };
    expect(needsOfSession(aSession({ lastSocPercent: 30, evEnergyAmountWh: 12_000, evChargingNeeds: ac }))).toEqual({
      socPercent: 30,
      targetSocPercent: 50,
    });
    expect(needsOfSession(aSession({ lastSocPercent: 30, evEnergyAmountWh: 48_000, evChargingNeeds: ac }))).toEqual({
      socPercent: 30,
      targetSocPercent: 100,
    });
  });

  it('leaves what the car did not say to the site defaults', () => {
    expect(needsOfSession(aSession())).toEqual({});
    expect(needsOfSession(aSession({ evEnergyAmountWh: 20_000 }))).toEqual({});
    expect(
      needsOfSession(
        aSession({ evChargingNeeds: dcNeeds({ stateOfCharge: 140, evEnergyCapacity: -1, evMaxPower: 'x' }) }),
      ),
    ).toEqual({});
  });
});
