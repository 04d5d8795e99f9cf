/** One-line builders of valid API bodies; override what a test is about. */
export function aSite(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'CAN-T2-depot',
    name: 'Baiyun T2 remote-stand depot',
    kind: 'airport',
    timeZone: 'Asia/Shanghai',
    gridLimitKw: 2000,
    baseLoadKw: 100,
    demandChargePerKw: 35,
    tariff: {
      currency: 'CNY',
      timeOfUse: [
        { band: 'valley', startLocal: '00:00', endLocal: '08:00', pricePerKwh: 0.28 },
        { band: 'flat', startLocal: '08:00', endLocal: '10:00', pricePerKwh: 0.65 },
        { band: 'peak', startLocal: '10:00', endLocal: '12:00', pricePerKwh: 1.02 },
        { band: 'flat', startLocal: '12:00', endLocal: '00:00', pricePerKwh: 0.65 },
      ],
    },
    ...overrides,
  };
}

export function aCharger(siteId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    chargePointId: 'CAN-T2-CP01',
    siteId,
    currentType: 'DC',
    maxKw: 240,
    connectors: [
      { connectorId: 1, maxKw: 150 },
      { connectorId: 2, maxKw: 150 },
    ],
    ...overrides,
  };
}

export function aVehicle(siteId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId,
    fleetNumber: 'BUS-01',
    type: 'apron-bus',
    batteryKwh: 280,
    minSocPercent: 20,
    maxSocPercent: 95,
    maxChargeKw: 150,
    chargeEfficiency: 0.93,
    consumptionKwhPerKm: 1.2,
    ...overrides,
  };
}

export function aTask(siteId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId,
    flightRef: 'CZ3101-A1',
    vehicleType: 'apron-bus',
    vehiclesNeeded: 2,
    start: '2026-11-22T07:05:00Z',
    end: '2026-11-22T07:35:00Z',
    energyKwhPerVehicle: 9.5,
    distanceKm: 6.5,
    ...overrides,
  };
}
