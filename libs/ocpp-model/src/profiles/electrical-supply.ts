/**
 * How a connector is supplied, needed to convert between W and A limits.
 * AC: A limits are per phase (K01.FR.51), so W = A × phases × nominal line voltage (K01.FR.50, 1.6 §3.13).
 * DC: we always schedule in W (a DC current limit depends on the battery voltage, which varies during the session).
 */
export interface ElectricalSupply {
  currentType: 'AC' | 'DC';
  /** AC phases actually wired/used, 1–3; default 3 (K01.FR.49). */
  phases?: number;
  /** Nominal phase-to-neutral voltage, e.g. 230 V (not the measured one, K01.FR.50). DC: a nominal pack voltage. */
  nominalVoltageV?: number;
}

export const DEFAULT_PHASES = 3;
export const DEFAULT_VOLTAGE_V = 230;

export function supplyPhases(supply: ElectricalSupply): number {
  return supply.currentType === 'DC' ? 1 : (supply.phases ?? DEFAULT_PHASES);
}

/** Power in W that a per-phase current limit allows on `phases` phases. */
export function ampsToWatts(currentA: number, phases: number, voltageV: number): number {
  return currentA * phases * voltageV;
}

/** Per-phase current in A that delivers `powerW` on `phases` phases: A = W / (phases × V). */
export function wattsToAmps(powerW: number, phases: number, voltageV: number): number {
  return powerW / (phases * voltageV);
}

const EPSILON = 1e-9;

/** Whole watts, rounded down so a limit never exceeds what the plan allowed. */
export function roundWatts(powerW: number): number {
  return Math.max(0, Math.floor(powerW + EPSILON));
}

/** Tenths of an ampere (the resolution 1.6 §7.13 and 2.0.1 allow), rounded down. */
export function roundAmps(currentA: number): number {
  return Math.max(0, Math.floor(currentA * 10 + EPSILON) / 10);
}
