/** A vehicle plugged into the virtual charge point: how much power it accepts at a given state of charge. */
export interface VehicleSpec {
  idTag: string;
  batteryKwh: number;
  socPercent: number;
  maxKw: number;
  /** Above this SoC the accepted power falls linearly to zero at 100 % (constant-voltage phase). Default 80. */
  taperStartPercent?: number;
  /**
   * ISO 15118 vehicles tell the station their needs; a 2.0.1 station forwards them in NotifyEVChargingNeeds (K15)
   * once the transaction has started. Energy needed = (target − SoC) × battery.
   */
  iso15118?: { departureTime?: Date; targetSocPercent?: number; maxVoltageV?: number };
}

const DEFAULT_TAPER_START_PERCENT = 80;

/** Accepted power in W at `socPercent`: full power below the taper start, then linear down to 0 W at 100 %. */
export function vehicleAcceptedPowerW(vehicle: VehicleSpec, socPercent: number): number {
  const maxW = vehicle.maxKw * 1000;
  const taperStart = vehicle.taperStartPercent ?? DEFAULT_TAPER_START_PERCENT;
  if (socPercent >= 100) return 0;
  if (socPercent <= taperStart) return maxW;
  return (maxW * (100 - socPercent)) / (100 - taperStart);
}
