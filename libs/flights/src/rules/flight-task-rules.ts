/**
 * Flight -> transfer task (pure). A flight at a remote stand needs buses between the stand and the terminal:
 *
 * - arrival (milestone = in-block): buses leave the terminal `busMinutesOneWay` before they must be at the stand,
 *   `arrivalBusLeadMinutes` before in-block; passengers board (`loadingMinutes`), ride back, get off
 *   (`unloadingMinutes`): start = inBlock − lead − oneWay, end = inBlock + loading + oneWay + unloading.
 * - departure (milestone = off-block): passengers board at the gate (`loadingMinutes`), the buses leave the gate
 *   `departureBusLeadMinutes` before off-block, ride out, passengers get off, the buses ride back:
 *   start = offBlock − lead − loading, end = offBlock − lead + oneWay + unloading + oneWay.
 * - buses = ⌈passengers / busCapacityPassengers⌉ (at most 20), passengers = the stated count, else
 *   seats × loadFactor (seats from the file's aircraft configuration, else the site's table by aircraft type);
 *   distance = both ways, so the consumption learner predicts each bus type's energy from it.
 */
export type StandKind = 'remote' | 'contact';
export const STAND_KINDS: readonly StandKind[] = ['remote', 'contact'];

export interface StandInfo {
  id: string;
  kind: StandKind;
  busMinutesOneWay: number;
  distanceKmOneWay: number;
}

export interface FlightRules {
  busVehicleType: string;
  busCapacityPassengers: number;
  loadFactor: number;
  seatsByAircraftType: Record<string, number>;
  arrivalBusLeadMinutes: number;
  departureBusLeadMinutes: number;
  loadingMinutes: number;
  unloadingMinutes: number;
  defaultStandKind: StandKind;
}

export interface FlightFacts {
  direction: 'arrival' | 'departure';
  scheduledTime: Date;
  estimatedTime: Date | null;
  actualTime: Date | null;
  stand: string | null;
  passengers: number | null;
  aircraftType: string | null;
  seats: number | null;
  serviceType: string | null;
  status: 'scheduled' | 'cancelled';
}

export interface FlightTaskShape {
  vehicleType: string;
  vehiclesNeeded: number;
  startsAt: Date;
  endsAt: Date;
  distanceKm: number;
  stand: string | null;
}

export type FlightTaskDecision = { task: FlightTaskShape; note: string | null } | { task: null; reason: string };

/** Common types (IATA codes) and typical seats; a site may replace the table. */
export const DEFAULT_SEATS_BY_AIRCRAFT_TYPE: Record<string, number> = {
  '319': 144,
  '320': 180,
  '321': 220,
  '32N': 186,
  '32Q': 232,
  '332': 250,
  '333': 300,
  '359': 330,
  '733': 148,
  '734': 168,
  '735': 132,
  '738': 189,
  '73H': 189,
  '7M8': 189,
  '772': 300,
  '77W': 350,
  '788': 242,
  '789': 290,
  '744': 416,
  '388': 520,
  E90: 100,
  AT7: 70,
  DH4: 78,
};
/** Seats assumed for an aircraft type the table does not know. */
/** A site's flight rules when its body states none: the defaults of the site's columns (DESIGN.md §8). */
export const DEFAULT_FLIGHT_RULES: FlightRules = {
  busVehicleType: 'apron-bus',
  busCapacityPassengers: 80,
  loadFactor: 0.85,
  seatsByAircraftType: DEFAULT_SEATS_BY_AIRCRAFT_TYPE,
  arrivalBusLeadMinutes: 5,
  departureBusLeadMinutes: 30,
  loadingMinutes: 8,
  unloadingMinutes: 4,
  defaultStandKind: 'remote',
};

export const UNKNOWN_AIRCRAFT_SEATS = 180;
/** Bus minutes and km of a remote stand the stand table does not list, when the site has no remote stand. */
export const UNKNOWN_REMOTE_STAND = { busMinutesOneWay: 8, distanceKmOneWay: 3 };
/** SSIM service types that carry no passengers: cargo, mail, positioning, technical, training. */
const NO_PASSENGER_SERVICES = new Set(['F', 'H', 'A', 'M', 'P', 'T', 'K', 'X']);
const MAX_BUSES = 20;
const MINUTE_MS = 60_000;

export function flightMilestone(flight: Pick<FlightFacts, 'scheduledTime' | 'estimatedTime' | 'actualTime'>): Date {
  return flight.actualTime ?? flight.estimatedTime ?? flight.scheduledTime;
}

/** Minutes the milestone is later than scheduled (negative: early). */
export function delayMinutes(flight: Pick<FlightFacts, 'scheduledTime' | 'estimatedTime' | 'actualTime'>): number {
  return Math.round((flightMilestone(flight).getTime() - flight.scheduledTime.getTime()) / MINUTE_MS);
}

/** The stand the flight uses; `known` is false for a named stand the table does not list (planned by the default kind). */
export function resolveStand(
  standId: string | null,
  stands: ReadonlyMap<string, StandInfo>,
  rules: Pick<FlightRules, 'defaultStandKind'>,
): StandInfo & { known: boolean } {
  const listed = standId === null ? undefined : stands.get(standId);
  if (listed) return { ...listed, known: true };
  const remote = [...stands.values()].filter((stand) => stand.kind === 'remote');
  const mean = (pick: (stand: StandInfo) => number) => remote.reduce((sum, s) => sum + pick(s), 0) / remote.length;
  const distances =
    remote.length === 0
      ? UNKNOWN_REMOTE_STAND
      : {
          busMinutesOneWay: Math.round(mean((s) => s.busMinutesOneWay)),
          distanceKmOneWay: mean((s) => s.distanceKmOneWay),
        };
  return { id: standId ?? '', kind: rules.defaultStandKind, ...distances, known: standId === null };
}

export function expectedPassengers(flight: FlightFacts, rules: FlightRules): number {
  if (flight.passengers !== null) return flight.passengers;
  const seats =
    flight.seats ?? (flight.aircraftType === null ? undefined : rules.seatsByAircraftType[flight.aircraftType]);
  return Math.round((seats ?? UNKNOWN_AIRCRAFT_SEATS) * rules.loadFactor);
}

/** The task a flight needs, or why it needs none. */
export function flightTask(
  flight: FlightFacts,
  stands: ReadonlyMap<string, StandInfo>,
  rules: FlightRules,
): FlightTaskDecision {
  if (flight.status === 'cancelled') return { task: null, reason: 'the flight is cancelled' };
  if (flight.serviceType !== null && NO_PASSENGER_SERVICES.has(flight.serviceType)) {
    return { task: null, reason: `service type ${flight.serviceType} carries no passengers` };
  }
  const stand = resolveStand(flight.stand, stands, rules);
  if (stand.kind === 'contact') return { task: null, reason: `stand ${stand.id || '(none)'} is a contact stand` };
  const passengers = expectedPassengers(flight, rules);
  if (passengers <= 0) return { task: null, reason: 'no passengers' };
  const milestoneMs = flightMilestone(flight).getTime();
  const at = (minutes: number) => new Date(milestoneMs + minutes * MINUTE_MS);
  const oneWay = stand.busMinutesOneWay;
  const [startMinutes, endMinutes] =
    flight.direction === 'arrival'
      ? [-rules.arrivalBusLeadMinutes - oneWay, rules.loadingMinutes + oneWay + rules.unloadingMinutes]
      : [
          -rules.departureBusLeadMinutes - rules.loadingMinutes,
          -rules.departureBusLeadMinutes + 2 * oneWay + rules.unloadingMinutes,
        ];
  const needed = Math.ceil(passengers / rules.busCapacityPassengers);
  return {
    task: {
      vehicleType: rules.busVehicleType,
      vehiclesNeeded: Math.min(MAX_BUSES, needed),
      startsAt: at(startMinutes),
      endsAt: at(Math.max(endMinutes, startMinutes + 1)),
      distanceKm: Math.round(2 * stand.distanceKmOneWay * 1000) / 1000,
      stand: flight.stand,
    },
    note: needed > MAX_BUSES ? `${needed} buses needed, capped at ${MAX_BUSES}` : null,
  };
}
