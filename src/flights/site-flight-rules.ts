import type { Site } from '../sites/site.entity';
import type { Stand } from './persistence/stand.entity';
import { DEFAULT_SEATS_BY_AIRCRAFT_TYPE, FlightRules, StandInfo } from '@apron/flights';

/** The site's flight rules, with the built-in seat table unless the site has its own. */
export function siteFlightRules(site: Site): FlightRules {
  return {
    busVehicleType: site.busVehicleType,
    busCapacityPassengers: site.busCapacityPassengers,
    loadFactor: site.loadFactor,
    seatsByAircraftType: site.seatsByAircraftType ?? DEFAULT_SEATS_BY_AIRCRAFT_TYPE,
    arrivalBusLeadMinutes: site.arrivalBusLeadMinutes,
    departureBusLeadMinutes: site.departureBusLeadMinutes,
    loadingMinutes: site.loadingMinutes,
    unloadingMinutes: site.unloadingMinutes,
    defaultStandKind: site.defaultStandKind,
  };
}

export function standTable(stands: Stand[]): Map<string, StandInfo> {
  return new Map(
    stands.map((stand) => [
      stand.standId,
      {
        id: stand.standId,
        kind: stand.kind,
        busMinutesOneWay: stand.busMinutesOneWay,
        distanceKmOneWay: stand.distanceKmOneWay,
      },
    ]),
  );
}
