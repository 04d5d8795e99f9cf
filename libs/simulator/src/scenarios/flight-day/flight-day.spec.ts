import { DEFAULT_FLIGHT_RULES, flightTask, flightTaskRef } from '@apron/flights';
import { generateGuangzhouFlightDay } from '../guangzhou-flight-day.scenario';
import { SeededRandom } from '../random';
import { flightDaySsim, flightsFromSchedule } from './flight-day-ssim';
import { generateFlights, generateStands, guangzhouFlightsPerLocalHour } from './guangzhou-flights';

const HOUR_MS = 3_600_000;
const START_MS = Date.parse('2026-07-14T21:00:00Z'); // 05:00 at CAN

function day(seed: number) {
  const random = new SeededRandom(seed);
  const stands = generateStands(random);
  const flights = generateFlights(
    random,
    stands,
    START_MS,
    START_MS + 24 * HOUR_MS,
    700,
    guangzhouFlightsPerLocalHour,
    START_MS,
  );
  return { stands, flights };
}

describe('a generated flight day, read back through the service’s SSIM parser', () => {
  it('gives back every flight at CAN with its date, direction and scheduled in-/off-block time', () => {
    const { flights } = day(5);
    const read = flightsFromSchedule(flightDaySsim(flights), flights);
    expect(read).toHaveLength(flights.length);
    const key = (f: { carrier: string; number: string; operatingDate: string; direction: string }) =>
      `${f.carrier}${f.number}/${f.operatingDate}/${f.direction}`;
    const byKey = new Map(read.map((f) => [key(f), f]));
    for (const flight of flights) {
      const parsed = byKey.get(key(flight));
      expect({ flight: key(flight), at: parsed?.scheduledTime.toISOString() }).toEqual({
        flight: key(flight),
        at: flight.scheduledTime.toISOString(),
      });
      expect(parsed!.aircraftType).toBe(flight.aircraftType);
    }
  });

  it('applies the feed: a stand change and a delay are in the flight the rules see', () => {
    const { flights } = day(6);
    const read = flightsFromSchedule(flightDaySsim(flights), flights);
    const delayed = flights.find((f) => (f.update?.delayMinutes ?? 0) > 0)!;
    const moved = flights.find((f) => f.update?.stand)!;
    const find = (f: typeof delayed) => read.find((r) => flightTaskRef(r) === flightTaskRef(f))!;
    expect(find(delayed).estimatedTime!.getTime() - delayed.scheduledTime.getTime()).toBe(
      delayed.update!.delayMinutes * 60_000,
    );
    expect(find(moved).stand).toBe(moved.update!.stand);
  });

  it('rejects a schedule that names a flight the day does not have', () => {
    const { flights } = day(7);
    expect(() => flightsFromSchedule(flightDaySsim(flights), flights.slice(1))).toThrow(/which the day does not/);
  });
});

describe('the evaluation’s Guangzhou flight day', () => {
  const generated = generateGuangzhouFlightDay({ seed: 3 });
  const tasks = generated.input.tasks!;

  it('has one task per flight at a remote stand, its window and buses from the service’s rules', () => {
    const stands = new Map(generated.stands.map((s) => [s.id, s]));
    const read = flightsFromSchedule(generated.ssim, generated.flights);
    const expected = read
      .map((flight) => ({ ref: flightTaskRef(flight), decision: flightTask(flight, stands, DEFAULT_FLIGHT_RULES) }))
      .filter(({ decision }) => decision.task !== null);
    const startMs = Date.parse(generated.input.start);
    const inDay = expected.filter(
      ({ decision }) =>
        decision.task!.startsAt.getTime() >= startMs && decision.task!.endsAt.getTime() <= startMs + 24 * HOUR_MS,
    );
    expect(tasks.map((t) => t.id).sort()).toEqual(inDay.map((e) => e.ref).sort());
    for (const { ref, decision } of inDay) {
      const task = tasks.find((t) => t.id === ref)!;
      expect(task).toMatchObject({
        vehicleType: 'apron-bus',
        vehiclesNeeded: decision.task!.vehiclesNeeded,
        start: decision.task!.startsAt.toISOString().replace('.000Z', 'Z'),
        end: decision.task!.endsAt.toISOString().replace('.000Z', 'Z'),
      });
    }
    const atContact = read.filter((f) => stands.get(f.stand!)?.kind === 'contact');
    expect(atContact.length).toBeGreaterThan(0);
    for (const flight of atContact) expect(tasks.find((t) => t.id === flightTaskRef(flight))).toBeUndefined();
  });

  it('is a Guangzhou-sized day: 40 buses, 20 dual chargers, ~410 tasks, wide-bodies needing more than one bus', () => {
    expect(generated.input.vehicles).toHaveLength(40);
    expect(generated.input.chargers).toHaveLength(20);
    expect(tasks.length).toBeGreaterThan(350);
    expect(tasks.length).toBeLessThan(480);
    expect(tasks.some((t) => (t.vehiclesNeeded ?? 1) > 1)).toBe(true);
    for (const task of tasks) expect(task.energyKwhPerVehicle).toBeGreaterThan(0);
  });

  it('is the same day for the same seed and another day for another seed', () => {
    expect(generateGuangzhouFlightDay({ seed: 3 }).input).toEqual(generated.input);
    expect(generateGuangzhouFlightDay({ seed: 4 }).input.tasks).not.toEqual(tasks);
  });
});
