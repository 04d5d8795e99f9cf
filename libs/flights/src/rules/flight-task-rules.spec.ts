import { DEFAULT_FLIGHT_RULES, FlightFacts, FlightRules, flightTask, StandInfo } from './flight-task-rules';

const RULES: FlightRules = DEFAULT_FLIGHT_RULES;
const STANDS = new Map<string, StandInfo>([
  ['R201', { id: 'R201', kind: 'remote', busMinutesOneWay: 6, distanceKmOneWay: 2.4 }],
  ['R202', { id: 'R202', kind: 'remote', busMinutesOneWay: 10, distanceKmOneWay: 3.6 }],
  ['C01', { id: 'C01', kind: 'contact', busMinutesOneWay: 0, distanceKmOneWay: 0 }],
]);
const aFlight = (overrides: Partial<FlightFacts> = {}): FlightFacts => ({
  direction: 'arrival',
  scheduledTime: new Date('2026-12-08T07:30:00Z'),
  estimatedTime: null,
  actualTime: null,
  stand: 'R201',
  passengers: 172,
  aircraftType: '321',
  seats: null,
  serviceType: 'J',
  status: 'scheduled',
  ...overrides,
});
const hhmm = (date: Date) => date.toISOString().slice(11, 16);

describe('flightTask', () => {
  it('meets an arrival at its remote stand: buses from passengers over capacity, times from the milestone', () => {
    const decision = flightTask(aFlight(), STANDS, RULES);
    expect(decision.task).toMatchObject({
      vehiclesNeeded: 3,
      distanceKm: 4.8,
      stand: 'R201',
      vehicleType: 'apron-bus',
    });
    // 07:30 − 5 lead − 6 drive = 07:19; 07:30 + 8 boarding + 6 drive + 4 off = 07:48.
    expect([hhmm(decision.task!.startsAt), hhmm(decision.task!.endsAt)]).toEqual(['07:19', '07:48']);
  });

  it('boards a departure at the gate before off-block, and follows the estimated time', () => {
    const flight = aFlight({ direction: 'departure', estimatedTime: new Date('2026-12-08T08:10:00Z') });
    const task = flightTask(flight, STANDS, RULES).task!;
    // 08:10 − 30 − 8 = 07:32; 08:10 − 30 + 2×6 + 4 = 07:56.
    expect([hhmm(task.startsAt), hhmm(task.endsAt)]).toEqual(['07:32', '07:56']);
  });

  it('uses seats × loadFactor without a passenger count; configuration seats first', () => {
    expect(flightTask(aFlight({ passengers: null, aircraftType: '77W' }), STANDS, RULES).task?.vehiclesNeeded).toBe(4);
    expect(flightTask(aFlight({ passengers: null, seats: 90 }), STANDS, RULES).task?.vehiclesNeeded).toBe(1);
  });

  it('needs no task at a contact stand, when cancelled, or for cargo', () => {
    expect(flightTask(aFlight({ stand: 'C01' }), STANDS, RULES)).toEqual({
      task: null,
      reason: expect.stringContaining('contact'),
    });
    expect(flightTask(aFlight({ status: 'cancelled' }), STANDS, RULES).task).toBeNull();
    expect(flightTask(aFlight({ serviceType: 'F' }), STANDS, RULES).task).toBeNull();
  });

  it('plans an unknown stand by the default kind, with the mean remote stand distance', () => {
    expect(flightTask(aFlight({ stand: 'X9' }), STANDS, RULES).task).toMatchObject({ distanceKm: 6, stand: 'X9' });
    expect(flightTask(aFlight({ stand: 'X9' }), STANDS, { ...RULES, defaultStandKind: 'contact' }).task).toBeNull();
  });
});
