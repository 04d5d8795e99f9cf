import { SocInputEvent } from '@apron/soc';
import { Vehicle } from '../../fleet/vehicle.entity';
import { SitesService } from '../../sites/sites.service';
import { VehicleDirectory } from '../common/vehicle-directory';
import { SessionLinker } from '../linking/session-linker';
import { FleetSessionRow } from '../persistence/fleet-session.entity';
import { FleetSessionsRepository, RegisterCheckpoint } from '../persistence/fleet-sessions.repository';
import { VehicleSocStore } from '../soc/vehicle-soc-store';
import { RegisterCheckpoints } from './register-checkpoints';
import { SessionSocFeeder } from './session-soc-feeder';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 6, minute));
const bus = { id: 'v1', fleetNumber: 'BUS-01', batteryKwh: 280, chargeEfficiency: 1 } as Vehicle;

function feederWith(siteKind: 'airport' | 'highway') {
  const rows = new Map<string, FleetSessionRow>();
  const pending: SocInputEvent[] = [];
  const added: SocInputEvent[] = [];
  const sessions = {
    find: async (id: string) => rows.get(id) ?? null,
    save: async (row: FleetSessionRow) => void rows.set(row.sessionId, { ...row }),
    addPending: async (_id: string, events: { event: SocInputEvent }[]) =>
      void pending.push(...events.map((e) => e.event)),
    takePending: async () => pending.splice(0),
  } as unknown as FleetSessionsRepository;
  const linker = {
    byIdentifier: async (tag: string) =>
      tag.toLowerCase() === 'bus-01-tag' ? { vehicle: bus, source: 'id-tag' } : null,
  } as unknown as SessionLinker;
  const directory = { get: async () => bus } as unknown as VehicleDirectory;
  const store = {
    add: async (_v: Vehicle, events: SocInputEvent[]) => void added.push(...events),
  } as unknown as VehicleSocStore;
  const sites = { get: async () => ({ kind: siteKind }) } as unknown as SitesService;
  const checkpoints = {
    record: (c: RegisterCheckpoint) => void Object.assign(rows.get(c.sessionId)!, c),
  } as unknown as RegisterCheckpoints;
  const feeder = new SessionSocFeeder(sessions, linker, directory, store, sites, checkpoints);
  return { feeder, rows, pending, added };
}

const source = { sessionId: 's1', chargePointId: 'CP-1', siteId: 'site-1' };

describe('SessionSocFeeder', () => {
  it('feeds a linked session: register deltas and charger SoC go to the vehicle', async () => {
    const { feeder, rows, added } = feederWith('airport');
    await feeder.started(source, {
      type: 'session.started',
      evseId: 2,
      idTag: 'BUS-01-TAG',
      meterStartWh: 1000,
      at: at(0),
    });
    await feeder.sample(source, { type: 'meter.sample', at: at(1), energyWh: 3000, socPercent: 41 });
    expect(rows.get('s1')).toMatchObject({ vehicleId: 'v1', linkSource: 'id-tag', evseId: 2, lastRegisterWh: 3000 });
    expect(added).toEqual([
      expect.objectContaining({ kind: 'energy-delivered', energyKwh: 2 }),
      expect.objectContaining({ kind: 'reading', source: 'charger', socPercent: 41 }),
    ]);
    await feeder.ended(source, { type: 'session.ended', transactionId: '1', meterStopWh: 3500, at: at(2) });
    expect(added[2]).toMatchObject({ kind: 'energy-delivered', energyKwh: 0.5 });
    expect(rows.get('s1')!.endedAt).toEqual(at(2));
  });

  it('keeps the inputs of an unknown idTag at an airport and hands them over on a manual link', async () => {
    const { feeder, pending, added } = feederWith('airport');
    await feeder.started(source, { type: 'session.started', evseId: 1, idTag: 'NEW-CARD', meterStartWh: 0, at: at(0) });
    await feeder.sample(source, { type: 'meter.sample', at: at(1), energyWh: 1000, socPercent: 30 });
    expect(added).toEqual([]);
    expect(pending).toHaveLength(2);
    const { outcome } = await feeder.linkManually('s1', bus);
    expect(outcome).toBe('linked');
    expect(added).toHaveLength(2);
    expect((await feeder.linkManually('s1', { ...bus, id: 'v2' } as Vehicle)).outcome).toBe('linked-elsewhere');
  });

  it('drops the inputs of a public EV at a highway site', async () => {
    const { feeder, pending, rows } = feederWith('highway');
    await feeder.started(source, { type: 'session.started', evseId: 1, idTag: 'VISITOR', meterStartWh: 0, at: at(0) });
    await feeder.sample(source, { type: 'meter.sample', at: at(1), energyWh: 1000, socPercent: 30 });
    expect(rows.get('s1')!.nonFleet).toBe(true);
    expect(pending).toEqual([]);
  });
});
