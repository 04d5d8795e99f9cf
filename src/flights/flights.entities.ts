import { Flights1796100000000 } from '../database/migrations/1796100000000-flights';
import { Flight } from './persistence/flight.entity';
import { Stand } from './persistence/stand.entity';

/** Registered in src/database/data-source-options.ts. */
export const FLIGHTS_ENTITIES = [Stand, Flight];
export const FLIGHTS_MIGRATIONS = [Flights1796100000000];
