import { SocInputEvent } from '@apron/soc';
import { VehicleIdentityService } from '../../fleet/vehicle-identity.service';
import { Vehicle } from '../../fleet/vehicle.entity';
import { SitesService } from '../../sites/sites.service';
import { PendingSessionInputsRepository } from '../persistence/pending-session-inputs.repository';
import { VehicleSocStore } from '../soc/vehicle-soc-store';
import { SessionEnvelope, SessionSocFeeder } from './session-soc-feeder';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 6, minute));
const bus = { id: 'v1', fleetNumber: 'BUS-01', batteryKwh: 280, chargeEfficiency: 1 } as Vehicle;

function feederWith(siteKind: 'airport' | 'highway') {
  const pending = new Map<string, SocInputEvent[]>();
  const added: SocInputEvent[] = [];
  const repository = {
    add: async (id: string, inputs: { event: SocInputEvent }[]) =>
      void pending.set(id, [...(pending.get(id) ?? []), ...inputs.map((input) => input.event)]),
    take: async (id: string) => {
      const events = pending.get(id) ?? [];
      pending.delete(id);
      return events;
    },
  } as unknown as PendingSessionInputsRepository;
  const directory = { get: async (id: string) => (id === bus.id ? bus : null) } as unknown as VehicleIdentityService;
  const store = {
    add: async (_v: Vehicle, events: SocInputEvent[]) => void added.push(...events),
  } as unknown as VehicleSocStore;
  const sites = { get: async () => ({ kind: siteKind }) } as unknown as SitesService;
  return { feeder: new SessionSocFeeder(repository, directory, store, sites), pending, added };
}

function envelope(event: SessionEnvelope['event'], extra: Partial<SessionEnvelope> = {}): SessionEnvelope {
  return {
    chargePointId: 'CP-1',
    chargerId: 'c1',
    siteId: 'site-1',
    sessionId: 's1',
    event,
    receivedAt: at(9),
    ...extra,
  };
}

const sample = (minute: number, socPercent?: number) =>
  ({ type: 'meter.sample', at: at(minute), energyWh: 1000 * minute, socPercent }) as const;

describe('SessionSocFeeder', () => {
  it("hands a linked session's counted energy and SoC readings to its vehicle", async () => {
    const { feeder, added } = feederWith('airport');
    await feeder.take(envelope(sample(1, 41), { vehicleId: 'v1', countedEnergyWh: 2000 }));
    await feeder.take(envelope(sample(2), { vehicleId: 'v1' }));
    expect(added).toEqual([
      expect.objectContaining({ kind: 'energy-delivered', energyKwh: 2, atMs: at(1).getTime() }),
      expect.objectContaining({ kind: 'reading', source: 'charger', socPercent: 41 }),
    ]);
  });

  it('counts nothing of its own: a sample the gateway counted no energy for brings none', async () => {
    const { feeder, added } = feederWith('airport');
    await feeder.take(envelope(sample(5), { vehicleId: 'v1' }));
    await feeder.take(envelope(sample(5), { vehicleId: 'v1' }));
    expect(added).toEqual([]);
  });

  it('keeps the inputs of an unlinked session at an airport and hands them over with the link', async () => {
    const { feeder, pending, added } = feederWith('airport');
    await feeder.take(envelope(sample(1, 30), { countedEnergyWh: 1000 }));
    expect(added).toEqual([]);
    expect(pending.get('s1')).toHaveLength(2);
    await feeder.take(envelope({ type: 'session.linked', at: at(3) }, { vehicleId: 'v1' }));
    expect(added).toHaveLength(2);
    expect(pending.has('s1')).toBe(false);
  });

  it('drops the inputs of a public EV at a highway site', async () => {
    const { feeder, pending } = feederWith('highway');
    await feeder.take(envelope(sample(1, 30), { countedEnergyWh: 1000 }));
    expect(pending.size).toBe(0);
  });
});
