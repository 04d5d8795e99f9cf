import type { PlanInput, TaskInput } from '@apron/planner';
import type { StandInfo } from '@apron/flights';
import {
  DayFlight,
  FlightDayTask,
  flightDaySsim,
  flightsFromSchedule,
  generateFlights,
  generateStands,
  guangzhouFlightsPerLocalHour,
  tasksOfFlights,
} from './flight-day';
import { generateGuangzhouDay, GuangzhouDayOptions } from './guangzhou-day.scenario';
import { SeededRandom } from './random';

const MINUTE_MS = 60_000;
/** No task in the day's first minutes, so the first plan can assign them (as in the demo). */
const FIRST_TASK_AFTER_MINUTES = 20;

export interface GuangzhouFlightDayOptions extends Omit<GuangzhouDayOptions, 'tasks'> {
  /** Flights at CAN over a whole day (default 500, as the demo); about 15 % park at contact stands and need no bus. */
  flightsPerDay?: number;
}

export interface GuangzhouFlightDay {
  input: PlanInput;
  /** The airline's schedule file the day's flights were read from (IATA SSIM, local times). */
  ssim: string;
  stands: StandInfo[];
  flights: DayFlight[];
  tasks: FlightDayTask[];
}

/**
 * The Guangzhou remote-stand day built the way the service builds a real one: the day's flights are written as an
 * SSIM file, read back by the service's parser (legs at CAN), given the feed's stands, passenger counts and delays,
 * and turned into transfer tasks by the service's flight rules (libs/flights). The fleet, chargers, grid and tariff
 * are those of `generateGuangzhouDay`; a task's energy is what a learned consumption predicts for its stand's km and
 * minutes.
 */
export function generateGuangzhouFlightDay(options: GuangzhouFlightDayOptions): GuangzhouFlightDay {
  const depot = generateGuangzhouDay({ ...options, tasks: 0 });
  const random = new SeededRandom(options.seed * 7919 + 17);
  const startMs = Date.parse(depot.start);
  const endMs = startMs + (options.hours ?? 24) * 60 * MINUTE_MS;
  const stands = generateStands(random);
  const flights = generateFlights(
    random,
    stands,
    startMs + FIRST_TASK_AFTER_MINUTES * MINUTE_MS,
    endMs,
    options.flightsPerDay ?? 500,
    guangzhouFlightsPerLocalHour,
    startMs,
  );
  const ssim = flightDaySsim(flights);
  const tasks = tasksOfFlights(flightsFromSchedule(ssim, flights), stands, random).filter(
    (task) => task.start.getTime() >= startMs && task.end.getTime() <= endMs,
  );
  const input: PlanInput = {
    ...depot,
    site: { ...depot.site, id: `CAN-flights-seed${options.seed}` },
    tasks: tasks.map(taskInput),
  };
  return { input, ssim, stands, flights, tasks };
}

function taskInput(task: FlightDayTask): TaskInput {
  return {
    id: task.flightRef,
    vehicleType: 'apron-bus',
    vehiclesNeeded: task.vehiclesNeeded,
    start: task.start.toISOString().replace('.000Z', 'Z'),
    end: task.end.toISOString().replace('.000Z', 'Z'),
    energyKwhPerVehicle: task.energyKwhPerVehicle,
  };
}
