import { SocEstimator, SocEstimatorJson, SocEstimatorOptions } from '@apron/soc';

/** The vehicle fields the estimator is configured from. */
export interface VehicleBattery {
  batteryKwh: number;
  chargeEfficiency: number;
  consumptionKwhPerKm: number | null;
  idleDrainKwhPerHour: number;
}

export function estimatorOptions(vehicle: VehicleBattery): SocEstimatorOptions {
  return {
    batteryKwh: vehicle.batteryKwh,
    chargeEfficiency: vehicle.chargeEfficiency,
    consumptionKwhPerKm: vehicle.consumptionKwhPerKm,
    idleDrainKwhPerHour: vehicle.idleDrainKwhPerHour,
  };
}

/**
 * A stored estimator under the vehicle's current battery settings (README: a changed battery, efficiency or idle drain
 * restores with the new config and replays the events since the checkpoint with it; stored energy entries keep the
 * efficiency they were recorded with). Null when the stored state
 * cannot be read back, so the caller starts afresh instead of failing every event.
 */
export function restoreEstimator(json: SocEstimatorJson | null, vehicle: VehicleBattery): SocEstimator | null {
  if (json === null) return new SocEstimator(estimatorOptions(vehicle));
  try {
    const restored = SocEstimator.fromJSON(json);
    return batteryChanged(restored, vehicle)
      ? SocEstimator.fromJSON({
          ...json,
          config: { ...json.config, ...estimatorOptions(vehicle) } as SocEstimatorJson['config'],
        })
      : restored;
  } catch {
    return null;
  }
}

/** True when the vehicle's battery settings differ from the ones the estimator runs with. */
export function batteryChanged(estimator: SocEstimator, vehicle: VehicleBattery): boolean {
  const wanted = estimatorOptions(vehicle);
  return (
    estimator.config.batteryKwh !== wanted.batteryKwh ||
    estimator.config.chargeEfficiency !== wanted.chargeEfficiency ||
    estimator.config.consumptionKwhPerKm !== wanted.consumptionKwhPerKm ||
    estimator.config.idleDrainKwhPerHour !== wanted.idleDrainKwhPerHour
  );
}
