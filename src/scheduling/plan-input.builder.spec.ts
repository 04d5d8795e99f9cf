import { checkInvariants, disposeSharedPlanner, plan, validatePlanInput } from '@apron/planner';
import { buildPlanInput, DEFAULT_PLAN_INPUT_OPTIONS } from './plan-input.builder';
import { ChargerState, SiteSnapshot, TaskState, VehicleState } from './site-snapshot';

const NOW = new Date('2026-11-22T06:02:30Z');

const aVehicle = (fleetNumber: string, overrides: Partial<VehicleState> = {}): VehicleState => ({
  fleetNumber,
  type: 'apron-bus',
  batteryKwh: 280,
  minSocPercent: 20,
  maxSocPercent: 95,
  maxChargeKw: 150,
  chargeEfficiency: 0.93,
  turnaroundMinutes: 5,
  inService: true,
  socPercent: 60,
  socUncertaintyPercent: 2,
  ...overrides,
});

const aCharger = (chargePointId: string, overrides: Partial<ChargerState> = {}): ChargerState => ({
  chargePointId,
  maxKw: 240,
  online: true,
  connectors: [
    { connectorId: 1, maxKw: 150, status: 'Available' },
    { connectorId: 2, maxKw: 150, status: 'Available' },
  ],
  ...overrides,
});

const aTask = (
  flightRef: string,
  startIso: string,
  minutes: number,
  overrides: Partial<TaskState> = {},
): TaskState => ({
  flightRef,
  vehicleType: 'apron-bus',
  vehiclesNeeded: 1,
  start: new Date(startIso),
  end: new Date(Date.parse(startIso) + minutes * 60_000),
  status: 'planned',
  energyKwhPerVehicle: 9.5,
  pinnedVehicles: [],
  forbiddenVehicles: [],
  vehiclesLeft: [],
  ...overrides,
});

function snapshot(overrides: Partial<SiteSnapshot> = {}): SiteSnapshot {
  return {
    now: NOW,
    site: {
      code: 'CAN-T2-depot',
      kind: 'airport',
      timeZone: 'Asia/Shanghai',
      gridLimitKw: 400,
      baseLoadKw: 50,
      demandChargePerKw: 0,
      tariff: {
        currency: 'CNY',
        steps: [],
        timeOfUse: [
          { band: 'valley', startLocal: '00:00', endLocal: '08:00', pricePerKwh: 0.28 },
          { band: 'peak', startLocal: '08:00', endLocal: '00:00', pricePerKwh: 1.02 },
        ],
      },
      departureLeadMinutes: 0,
    },
    chargers: [aCharger('CP-01'), aCharger('CP-02', { online: false })],
    vehicles: [
      aVehicle('BUS-01', { plugged: { chargePointId: 'CP-01', connectorId: 1 } }),
      aVehicle('BUS-02', { busyUntil: new Date('2026-11-22T06:40:00Z'), socPercent: 45 }),
      aVehicle('BUS-03', { inService: false }),
      aVehicle('BUS-04', { plugged: { chargePointId: 'CP-02', connectorId: 1 } }),
    ],
    tasks: [
      aTask('CZ3101-A1', '2026-11-22T07:05:00Z', 30, { pinnedVehicles: ['BUS-01'] }),
      aTask('CZ3999-A1', '2026-11-23T09:00:00Z', 30),
      aTask('CZ3000-A1', '2026-11-22T05:00:00Z', 30, { status: 'done' }),
      aTask('CZ3001-A1', '2026-11-22T06:00:00Z', 30),
    ],
    sessions: [],
    chargingSessions: [],
    ...overrides,
  };
}

describe('buildPlanInput', () => {
  afterAll(() => disposeSharedPlanner());

  it('produces scenario v1 that the planner accepts, starting at the current 5-minute slot', () => {
    const { input } = buildPlanInput(snapshot());
    expect(validatePlanInput(input)).toEqual([]);
    expect(input.start).toBe('2026-11-22T06:00:00.000Z');
    expect(input.slots).toEqual([
      { minutes: 5, count: 24 },
      { minutes: 15, count: 88 },
    ]);
    // CP-02 is offline: its safe default share, (400 - 50) / 2 = 175 kW, is held back as base load.
    expect(input.site).toEqual({
      id: 'CAN-T2-depot',
      kind: 'airport',
      gridLimitKw: 400,
      baseLoadKw: 225,
      demandChargePerKw: 0,
    });
  });

  it('prices the horizon from the local time-of-use tariff (valley ends 08:00 Shanghai = 00:00 UTC)', () => {
    const { input } = buildPlanInput(snapshot());
    expect(input.pricePerKwh).toEqual([
      { from: '2026-11-22T06:00:00.000Z', price: 1.02 },
      { from: '2026-11-22T16:00:00.000Z', price: 0.28 },
      { from: '2026-11-23T00:00:00.000Z', price: 1.02 },
    ]);
  });

  it('leaves out offline chargers, out-of-service vehicles, and says so', () => {
    const { input, notes } = buildPlanInput(snapshot());
    expect(input.chargers).toEqual([{ id: 'CP-01', connectors: 2, maxKwPerConnector: 150, maxKw: 240 }]);
    expect(input.vehicles!.map((v) => v.id)).toEqual(['BUS-01', 'BUS-02', 'BUS-04']);
    expect(notes).toEqual(
      expect.arrayContaining([
        'charger CP-02 is offline: left out of the plan',
        'vehicle BUS-03 is out of service: left out',
        'vehicle BUS-04 is plugged into unusable CP-02: planned as unplugged',
      ]),
    );
    expect(input.vehicles!.find((v) => v.id === 'BUS-04')!.pluggedInto).toBeUndefined();
  });

  it('holds back what an offline charger may still draw: its last planned power, or at least its safe share', () => {
    const offline = aCharger('CP-02', { online: false, lastPlannedKw: 230 });
    const { input, notes } = buildPlanInput(snapshot({ chargers: [aCharger('CP-01'), offline] }));
    expect(input.site.baseLoadKw).toBe(50 + 230);
    expect(notes).toContain('charger CP-02 is offline: 230 kW held back for what it may still draw');
    const online = buildPlanInput(snapshot({ chargers: [aCharger('CP-01'), aCharger('CP-02')] }));
    expect(online.input.site.baseLoadKw).toBe(50);
  });

  describe("a charger that refuses Apron's profiles (issue 15)", () => {
    const refusal = { reason: 'NotImplemented', since: new Date('2026-11-22T05:50:00Z') };
    const refusing = (overrides: Partial<ChargerState> = {}) => aCharger('CP-02', { refusal, ...overrides });
    const charging = {
      sessionId: 's-4',
      chargePointId: 'CP-02',
      evseId: 1,
      transactionId: 'tx-4',
      fleetNumber: 'BUS-04',
    };

    it('is left out of the plan with its vehicles, and counts at its full rating while a vehicle is on it', () => {
      const { input, notes, uncontrolled } = buildPlanInput(
        snapshot({ chargers: [aCharger('CP-01'), refusing({ meteredKw: 80 })], chargingSessions: [charging] }),
      );
      expect(input.chargers!.map((charger) => charger.id)).toEqual(['CP-01']);
      expect(input.vehicles!.find((v) => v.id === 'BUS-04')!.pluggedInto).toBeUndefined();
      // 240 kW charger with two 150 kW connectors: 240 kW, more than the 80 kW it meters now.
      expect(uncontrolled).toEqual([{ chargePointId: 'CP-02', reason: 'NotImplemented', countedKw: 240 }]);
      expect(input.site.baseLoadKw).toBe(50 + 240);
      expect(notes).toContain(
        "charger CP-02 refuses Apron's charging profiles (NotImplemented): left out of the plan, its draw counted as " +
          '240 kW of base load',
      );
      expect(validatePlanInput(input)).toEqual([]);
    });

    it('counts a connector reporting a vehicle like a session, and its metered power when that is higher', () => {
      const plugged = refusing({
        maxKw: 50,
        meteredKw: 61.5,
        connectors: [
          { connectorId: 1, maxKw: 60, status: 'Preparing' },
          { connectorId: 2, maxKw: 60, status: 'Available' },
        ],
      });
      const { uncontrolled } = buildPlanInput(snapshot({ chargers: [aCharger('CP-01'), plugged] }));
      expect(uncontrolled).toEqual([{ chargePointId: 'CP-02', reason: 'NotImplemented', countedKw: 61.5 }]);
    });

    it('counts an idle one at what it meters, else 0; one that is offline is held back as offline instead', () => {
      const idle = buildPlanInput(snapshot({ chargers: [aCharger('CP-01'), refusing()] }));
      expect(idle.uncontrolled).toEqual([{ chargePointId: 'CP-02', reason: 'NotImplemented', countedKw: 0 }]);
      expect(idle.input.site.baseLoadKw).toBe(50);
      const metered = buildPlanInput(snapshot({ chargers: [aCharger('CP-01'), refusing({ meteredKw: 3.2 })] }));
      expect(metered.input.site.baseLoadKw).toBe(53.2);
      const offline = buildPlanInput(snapshot({ chargers: [aCharger('CP-01'), refusing({ online: false })] }));
      expect(offline.uncontrolled).toEqual([]);
      expect(offline.input.site.baseLoadKw).toBe(225);
    });

    it('never counts more base load than the grid limit', () => {
      const site = { ...snapshot().site, gridLimitKw: 200 };
      const { input } = buildPlanInput(
        snapshot({ site, chargers: [aCharger('CP-01'), refusing()], chargingSessions: [charging] }),
      );
      expect(input.site.baseLoadKw).toBe(200);
    });
  });

  it('drops faulted connectors and sizes the charger by what is left', () => {
    const faulted = aCharger('CP-01', {
      connectors: [
        { connectorId: 1, maxKw: 150, status: 'Charging' },
        { connectorId: 2, maxKw: 150, status: 'Faulted' },
      ],
    });
    const { input, notes } = buildPlanInput(snapshot({ chargers: [faulted] }));
    expect(input.chargers).toEqual([{ id: 'CP-01', connectors: 1, maxKwPerConnector: 150, maxKw: 150 }]);
    expect(notes).toContain('connector CP-01/2 is Faulted: left out');
  });

  it('plans with SoC lowered by its uncertainty, and a busy vehicle available when its task ends', () => {
    const { input } = buildPlanInput(snapshot());
    const bus1 = input.vehicles!.find((v) => v.id === 'BUS-01')!;
    const bus2 = input.vehicles!.find((v) => v.id === 'BUS-02')!;
    expect(bus1).toMatchObject({ socPercent: 58, pluggedInto: 'CP-01' });
    expect(bus2).toMatchObject({ socPercent: 43, availableFrom: '2026-11-22T06:40:00.000Z' });
  });

  it('starts a charging vehicle from its SoC at the slot start, without what it charged since then', () => {
    const plugged = (connectorId: number) => ({ chargePointId: 'CP-01', connectorId });
    const since = (iso: string) => new Date(iso);
    const vehicles = [
      // 150 kW at 93 % since the slot began (06:00; the last plan came at 05:58), now 06:02:30: 5.81 kWh, 2.08 %.
      aVehicle('BUS-01', { plugged: plugged(1), charging: { kw: 150, since: since('2026-11-22T05:58:00Z') } }),
      // The last plan came at 06:02: only its 30 s are known, 1.16 kWh, 0.42 %.
      aVehicle('BUS-05', { plugged: plugged(2), charging: { kw: 150, since: since('2026-11-22T06:02:00Z') } }),
      aVehicle('BUS-06', { plugged: plugged(2), charging: { kw: 0, since: since('2026-11-22T05:58:00Z') } }),
    ];
    const { input } = buildPlanInput(snapshot({ vehicles }));
    expect(input.vehicles!.map((v) => [v.id, v.socPercent])).toEqual([
      ['BUS-01', 55.92],
      ['BUS-05', 57.58],
      ['BUS-06', 58],
    ]);
  });

  it('plans only planned tasks inside the horizon, and reports one already due', () => {
    const { input, notes } = buildPlanInput(snapshot());
    expect(input.tasks!.map((t) => t.id)).toEqual(['CZ3101-A1']);
    expect(input.tasks![0].pinnedVehicles).toEqual(['BUS-01']);
    expect(notes).toContain('task CZ3001-A1 started before this plan: not planned');
  });

  describe('with a departure lead', () => {
    const withLead = (departureLeadMinutes: number, overrides: Partial<SiteSnapshot> = {}) =>
      snapshot({ site: { ...snapshot().site, departureLeadMinutes }, ...overrides });

    it('starts each task at its departure, the lead before its start, with the same end and energy', () => {
      const { input } = buildPlanInput(withLead(10));
      expect(validatePlanInput(input)).toEqual([]);
      expect(input.tasks).toEqual([
        expect.objectContaining({
          id: 'CZ3101-A1',
          start: '2026-11-22T06:55:00.000Z',
          end: '2026-11-22T07:35:00.000Z',
          energyKwhPerVehicle: 9.5,
        }),
      ]);
      expect(buildPlanInput(withLead(0)).input.tasks![0].start).toBe('2026-11-22T07:05:00.000Z');
    });

    it('treats a task whose vehicles already left as in progress: not planned, and says when they were due', () => {
      const tasks = [
        aTask('CZ3103-A1', '2026-11-22T06:10:00Z', 30, { vehiclesLeft: ['BUS-02'] }),
        aTask('CZ3104-A1', '2026-11-22T06:15:00Z', 30),
        aTask('CZ3001-A1', '2026-11-22T06:00:00Z', 30),
      ];
      const { input, notes } = buildPlanInput(withLead(10, { tasks }));
      // Now is 06:02:30: CZ3103's bus left at 06:00 though it starts at 06:10; CZ3104's leave at 06:05, still ahead.
      expect(input.tasks!.map((t) => [t.id, t.start])).toEqual([['CZ3104-A1', '2026-11-22T06:05:00.000Z']]);
      expect(notes).toEqual(
        expect.arrayContaining([
          'task CZ3103-A1: its vehicles left (due to leave at 2026-11-22T06:00:00.000Z): not planned',
          'task CZ3001-A1 started before this plan: not planned',
        ]),
      );
    });

    it('plans the vehicles still to leave for a task past its departure to leave now, not those that left', () => {
      // Due to leave at 05:58, before the plan's first slot (06:00): planned from that slot.
      const tasks = [
        aTask('CZ3106-A1', '2026-11-22T06:08:00Z', 30, {
          vehiclesNeeded: 3,
          vehiclesLeft: ['BUS-02'],
          pinnedVehicles: ['BUS-02', 'BUS-04'],
        }),
      ];
      const { input, notes } = buildPlanInput(withLead(10, { tasks }));
      expect(validatePlanInput(input)).toEqual([]);
      expect(input.tasks).toEqual([
        expect.objectContaining({
          id: 'CZ3106-A1',
          start: '2026-11-22T06:00:00.000Z',
          end: '2026-11-22T06:38:00.000Z',
          vehiclesNeeded: 2,
          pinnedVehicles: ['BUS-04'],
        }),
      ]);
      expect(notes).toContain(
        'task CZ3106-A1: 2 of 3 vehicle(s) still to leave (due to leave at 2026-11-22T05:58:00.000Z)',
      );
    });

    it('plans a task whose departure falls beyond the horizon end only once the departure is inside it', () => {
      const horizon = { ...DEFAULT_PLAN_INPUT_OPTIONS, horizonHours: 2 };
      // The horizon runs 06:00 to 08:00; the task starts 08:05, so its vehicles leave at 07:55, inside it.
      const tasks = [aTask('CZ3200-A1', '2026-11-22T08:05:00Z', 30)];
      expect(buildPlanInput(withLead(0, { tasks }), horizon).input.tasks).toEqual([]);
      expect(buildPlanInput(withLead(10, { tasks }), horizon).input.tasks!.map((t) => t.id)).toEqual(['CZ3200-A1']);
    });

    it('keeps the earlier of two pins the lead makes overlap, and plans the later task without it', () => {
      const tasks = [
        aTask('CZ3101-A1', '2026-11-22T07:05:00Z', 30, { pinnedVehicles: ['BUS-01'] }),
        aTask('CZ3105-A1', '2026-11-22T07:40:00Z', 30, { pinnedVehicles: ['BUS-01'] }),
      ];
      expect(validatePlanInput(buildPlanInput(withLead(0, { tasks })).input)).toEqual([]);
      const { input, notes } = buildPlanInput(withLead(10, { tasks }));
      expect(validatePlanInput(input)).toEqual([]);
      expect(input.tasks!.map((t) => [t.id, t.pinnedVehicles])).toEqual([
        ['CZ3101-A1', ['BUS-01']],
        ['CZ3105-A1', []],
      ]);
      expect(notes).toContain(
        'task CZ3105-A1: pinned BUS-01 is on task CZ3101-A1 when it must leave: planned without the pin',
      );
    });

    it('gives a plan that charges no assigned vehicle after its departure', async () => {
      // Low enough that it charges up to the last slot it may (with no lead it charges at 07:00, for instance).
      const low = withLead(10);
      low.vehicles = low.vehicles.map((v) => (v.fleetNumber === 'BUS-01' ? { ...v, socPercent: 22 } : v));
      const { input } = buildPlanInput(low, { ...DEFAULT_PLAN_INPUT_OPTIONS, horizonHours: 6 });
      const result = await plan(input, { timeLimitSeconds: 20 });
      expect(checkInvariants(input, result)).toEqual([]);
      expect(result.assignments).toEqual([{ taskId: 'CZ3101-A1', vehicleId: 'BUS-01' }]);
      // The lead's two slots, 06:55 and 07:00: the bus is on its way to the stand, not at a charger.
      const departureSlot = result.slotStarts.findIndex(
        (start) => Date.parse(start) === Date.parse('2026-11-22T06:55Z'),
      );
      expect(departureSlot).toBe(11);
      const leadKw = result.charging
        .filter((row) => 'vehicleId' in row && row.vehicleId === 'BUS-01')
        .flatMap((row) => row.kw.slice(departureSlot, departureSlot + 2));
      expect(leadKw.filter((kw) => kw > 0)).toEqual([]);
    });
  });

  it('fills public sessions from site defaults where the car sent no charging needs', () => {
    const { input } = buildPlanInput(
      snapshot({
        site: { ...snapshot().site, kind: 'highway' },
        vehicles: [],
        tasks: [],
        sessions: [
          { id: 'tx-1', chargePointId: 'CP-01', connectorId: 2 },
          {
            id: 'tx-2',
            chargePointId: 'CP-01',
            connectorId: 1,
            batteryKwh: 75,
            socPercent: 35,
            departure: new Date('2026-11-22T06:40:00Z'),
          },
          { id: 'tx-3', chargePointId: 'CP-02', connectorId: 1 },
        ],
      }),
    );
    expect(validatePlanInput(input)).toEqual([]);
    expect(input.sessions).toEqual([
      {
        id: 'tx-1',
        chargerId: 'CP-01',
        batteryKwh: 60,
        socPercent: 30,
        targetSocPercent: 80,
        departure: '2026-11-22T06:47:30.000Z',
      },
      {
        id: 'tx-2',
        chargerId: 'CP-01',
        batteryKwh: 75,
        socPercent: 35,
        targetSocPercent: 80,
        departure: '2026-11-22T06:40:00.000Z',
      },
    ]);
  });

  it('gives the planner an input whose plan passes every invariant', async () => {
    const { input } = buildPlanInput(snapshot(), { ...DEFAULT_PLAN_INPUT_OPTIONS, horizonHours: 6 });
    const result = await plan(input, { timeLimitSeconds: 20 });
    expect(checkInvariants(input, result)).toEqual([]);
    expect(result.assignments).toEqual([{ taskId: 'CZ3101-A1', vehicleId: 'BUS-01' }]);
  });
});
