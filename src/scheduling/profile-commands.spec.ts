import type { PlanInput, PlanResult } from '@apron/planner';
import { LiveSession, profileCommands } from './profile-commands';

const START = Date.parse('2026-11-22T06:00:00Z');
const input: PlanInput = {
  version: 1,
  site: { id: 'S', kind: 'airport', gridLimitKw: 400 },
  start: '2026-11-22T06:00:00Z',
  slots: [
    { minutes: 5, count: 3 },
    { minutes: 15, count: 2 },
  ],
  pricePerKwh: [{ from: '2026-11-22T00:00:00Z', price: 0.3 }],
  chargers: [
    { id: 'CP-01', connectors: 2, maxKwPerConnector: 150 },
    { id: 'CP-02', connectors: 1, maxKwPerConnector: 150 },
  ],
};
const slotStarts = [0, 5, 10, 15, 30].map((m) => new Date(START + m * 60_000).toISOString());
const result = {
  status: 'optimal',
  message: '',
  solveMs: 1,
  objective: 0,
  costTotal: 0,
  peakKw: 0,
  slotStarts,
  assignments: [],
  unserved: [],
  charging: [
    { vehicleId: 'BUS-01', chargerId: 'CP-01', kw: [150, 150, 100, 0, 0] },
    { sessionId: 'sess-9', chargerId: 'CP-01', kw: [50, 50, 50, 50, 50] },
    { vehicleId: 'BUS-02', chargerId: 'CP-02', kw: [0, 0, 0, 80, 80] },
  ],
  soc: [],
  sitePowerKw: [200, 200, 150, 130, 130],
} as PlanResult;

const bus1: LiveSession = {
  sessionId: 'sess-1',
  chargePointId: 'CP-01',
  evseId: 1,
  transactionId: '41',
  fleetNumber: 'BUS-01',
};
const publicEv: LiveSession = { sessionId: 'sess-9', chargePointId: 'CP-01', evseId: 2, transactionId: '42' };

describe('profileCommands', () => {
  it('sends each session its planned kW from the current slot on, and each charger the sum as a station cap', () => {
    const now = new Date(START + 7 * 60_000);
    const { commands } = profileCommands(input, result, [bus1, publicEv], now, { lookaheadMinutes: 60 });
    const bus = commands.find((c) => c.purpose === 'Tx' && c.evseId === 1)!;
    expect(bus).toMatchObject({ chargePointId: 'CP-01', transactionId: '41', profileId: 101 });
    expect(bus.slots.map((s) => [s.start.toISOString(), s.durationSeconds, s.powerKw])).toEqual([
      ['2026-11-22T06:05:00.000Z', 300, 150],
      ['2026-11-22T06:10:00.000Z', 300, 100],
      ['2026-11-22T06:15:00.000Z', 900, 0],
      ['2026-11-22T06:30:00.000Z', 900, 0],
    ]);
    const ev = commands.find((c) => c.purpose === 'Tx' && c.evseId === 2)!;
    expect(ev.slots.map((s) => s.powerKw)).toEqual([50, 50, 50, 50]);
    const cap = commands.find((c) => c.purpose === 'StationMax' && c.chargePointId === 'CP-01')!;
    expect(cap).toMatchObject({ evseId: 0, profileId: 1 });
    expect(cap.slots.map((s) => s.powerKw)).toEqual([200, 150, 50, 50]);
  });

  it('gives chargers with a free connector an equal share of the headroom the plan leaves, so a newcomer charges at once', () => {
    const { commands, notes } = profileCommands(input, result, [bus1], new Date(START), { lookaheadMinutes: 60 });
    const cap = (id: string) =>
      commands.find((c) => c.purpose === 'StationMax' && c.chargePointId === id)!.slots.map((s) => s.powerKw);
    // Headroom = 400 kW − everything planned (200, 200, 150, 130, 130), shared by CP-01 (one free) and CP-02; CP-02
    // also keeps the 80 kW the plan gives BUS-02 there once it is plugged in.
    expect(cap('CP-02')).toEqual([100, 100, 125, 215, 215]);
    expect(cap('CP-01')).toEqual([250, 250, 225, 135, 135]);
    expect(notes).toEqual(['vehicle BUS-02 is planned to charge at CP-02 but is not plugged in there']);
  });

  it('keeps every charger’s cap together within the limit less base load, also when every free connector is used', () => {
    const withBase: PlanInput = { ...input, site: { ...input.site, baseLoadKw: 120 } };
    const { commands } = profileCommands(withBase, result, [bus1], new Date(START), { lookaheadMinutes: 60 });
    const caps = commands.filter((c) => c.purpose === 'StationMax');
    for (let slot = 0; slot < caps[0].slots.length; slot++) {
      const total = caps.reduce((sum, c) => sum + c.slots[slot].powerKw, 0);
      expect(total).toBeLessThanOrEqual(400 - 120 + 1e-9);
    }
    expect(caps.find((c) => c.chargePointId === 'CP-02')!.slots[0].powerKw).toBe(40);
  });

  it('gives a charger whose connectors are all in use only its sessions’ planned kW', () => {
    const { commands } = profileCommands(input, result, [bus1, publicEv], new Date(START), { lookaheadMinutes: 60 });
    const cap1 = commands.find((c) => c.purpose === 'StationMax' && c.chargePointId === 'CP-01')!;
    expect(cap1.slots.map((s) => s.powerKw)).toEqual([200, 200, 150, 50, 50]);
  });

  it('gives a session the plan does not charge an explicit 0 kW', () => {
    const other: LiveSession = {
      sessionId: 'sess-3',
      chargePointId: 'CP-02',
      evseId: 1,
      transactionId: '7',
      fleetNumber: 'BUS-09',
    };
    const { commands } = profileCommands(input, result, [other], new Date(START), { lookaheadMinutes: 60 });
    const tx = commands.find((c) => c.purpose === 'Tx')!;
    expect(tx.slots.every((s) => s.powerKw === 0)).toBe(true);
  });

  it('keeps the same signature within a slot and changes it when the plan changes', () => {
    const at = (minutes: number) => new Date(START + minutes * 60_000);
    const sig = (plan: PlanResult, minutes: number) =>
      profileCommands(input, plan, [bus1], at(minutes), { lookaheadMinutes: 60 }).commands[0].signature;
    expect(sig(result, 1)).toBe(sig(result, 4));
    const changed = {
      ...result,
      charging: [{ vehicleId: 'BUS-01', chargerId: 'CP-01', kw: [120, 150, 100, 0, 0] }],
    } as PlanResult;
    expect(sig(changed, 1)).not.toBe(sig(result, 1));
  });

  it('sends nothing once the plan has run out', () => {
    const { commands, notes } = profileCommands(input, result, [bus1], new Date(START + 60 * 60_000), {
      lookaheadMinutes: 60,
    });
    expect(commands).toEqual([]);
    expect(notes).toEqual(['the plan has run out: no profiles sent']);
  });

  it('reaches only the look-ahead window', () => {
    const { commands } = profileCommands(input, result, [bus1], new Date(START), { lookaheadMinutes: 12 });
    expect(commands[0].slots).toHaveLength(3);
  });
});
