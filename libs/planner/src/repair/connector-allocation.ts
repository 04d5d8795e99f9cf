import { Problem } from '../problem/problem';

export const KW_EPSILON = 1e-6;

export interface ConnectorAllocation {
  /** Charger index per [vehicle][slot], -1 when not charging. */
  chargerOf: number[][];
  /** Granted power per [vehicle][slot] (kW). */
  grantedKw: number[][];
  /** Vehicle slots where the plan asked for more than a connector could give. */
  cuts: { vehicle: number; slot: number; grantedKw: number }[];
  /** Slots where some vehicle found no free connector at all (more vehicles charging than connectors). */
  fullSlots: number[];
}

/**
 * Places charging vehicles on concrete chargers, slot by slot: sessions hold their own connector; vehicles, largest
 * power first, stay on the charger of the previous slot or the one they are plugged into when it fits, else take the
 * charger with the most power left. Power that fits nowhere is cut and reported.
 */
export function allocateConnectors(
  problem: Problem,
  vehicleKw: number[][],
  sessionKw: number[][],
): ConnectorAllocation {
  const T = problem.grid.count;
  const chargerOf = problem.vehicles.map(() => new Array<number>(T).fill(-1));
  const grantedKw = problem.vehicles.map(() => new Array<number>(T).fill(0));
  const cuts: ConnectorAllocation['cuts'] = [];
  const fullSlots: number[] = [];
  for (let t = 0; t < T; t++) {
    let full = false;
    const freeConnectors = problem.chargers.map((charger) => charger.connectors);
    const remainingKw = problem.chargers.map((charger) => charger.maxKw);
    for (const session of problem.sessions) {
      if (session.availableFraction[t] <= 0) continue;
      freeConnectors[session.charger] -= 1;
      remainingKw[session.charger] -= sessionKw[session.index][t];
    }
    const fits = (c: number) => Math.min(remainingKw[c], problem.chargers[c].maxKwPerConnector);
    const charging = problem.vehicles
      .filter((vehicle) => vehicleKw[vehicle.index][t] > KW_EPSILON)
      .sort((a, b) => vehicleKw[b.index][t] - vehicleKw[a.index][t] || a.index - b.index);
    for (const vehicle of charging) {
      const v = vehicle.index;
      const wantKw = vehicleKw[v][t];
      const preferred = [t > 0 ? chargerOf[v][t - 1] : -1, vehicle.pluggedInto ?? -1].filter((c) => c >= 0);
      const open = problem.chargers.map((_, c) => c).filter((c) => freeConnectors[c] > 0);
      let charger = preferred.find((c) => freeConnectors[c] > 0 && fits(c) >= wantKw - KW_EPSILON);
      if (charger === undefined) {
        const byRoom = [...open].sort((a, b) => fits(b) - fits(a) || a - b);
        charger = byRoom.find((c) => fits(c) >= wantKw - KW_EPSILON) ?? byRoom[0];
      }
      const granted = charger === undefined ? 0 : Math.max(0, Math.min(wantKw, fits(charger)));
      if (granted < wantKw - 1e-4) cuts.push({ vehicle: v, slot: t, grantedKw: granted });
      if (charger === undefined) full = true;
      if (charger === undefined || granted <= KW_EPSILON) continue;
      chargerOf[v][t] = charger;
      grantedKw[v][t] = granted;
      freeConnectors[charger] -= 1;
      remainingKw[charger] -= granted;
    }
    if (full) fullSlots.push(t);
  }
  return { chargerOf, grantedKw, cuts, fullSlots };
}
