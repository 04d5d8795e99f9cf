/** Charge points whose connectors can be read: what a site meter sums. */
export interface MeteredChargePoint {
  readonly connectors: readonly { id: number }[];
  snapshot(connectorId: number): { powerW: number; energyRegisterWh: number };
}

/** Delivered power of all connectors now, kW, and the sum of their energy registers, kWh. */
export function meterReading(chargePoints: readonly MeteredChargePoint[]): { powerKw: number; registerKwh: number } {
  let powerW = 0;
  let registerWh = 0;
  for (const cp of chargePoints) {
    for (const connector of cp.connectors) {
      const snapshot = cp.snapshot(connector.id);
      powerW += snapshot.powerW;
      registerWh += snapshot.energyRegisterWh;
    }
  }
  return { powerKw: powerW / 1000, registerKwh: registerWh / 1000 };
}
