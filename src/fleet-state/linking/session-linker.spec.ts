import { Vehicle } from '../../fleet/vehicle.entity';
import { VehicleDirectory } from '../common/vehicle-directory';
import { VehicleEvccidsRepository } from '../persistence/vehicle-evccids.repository';
import { FleetIdentifiers } from './fleet-identifiers';
import { SessionLinker } from './session-linker';

const bus = { id: 'v1', siteId: 's1', inService: true, idTag: 'BUS-01-TAG' } as Vehicle;
const tractor = { id: 'v2', siteId: 's1', inService: false, idTag: null } as Vehicle;

function linker() {
  const directory = {
    get: jest.fn(async (id: string) => [bus, tractor].find((v) => v.id === id) ?? null),
    findByIdTag: jest.fn(async (tag: string) => (tag.toLowerCase() === 'bus-01-tag' ? bus : null)),
  } as unknown as VehicleDirectory;
  const evccids = {
    vehicleOf: jest.fn(async (evccid: string) => (evccid === '0A1B2C3D4E5F' ? 'v2' : null)),
  } as unknown as VehicleEvccidsRepository;
  return new SessionLinker(directory, evccids);
}

describe('SessionLinker', () => {
  it('links an EVCCID registered to a vehicle, in any of its spellings', async () => {
    await expect(linker().byIdentifier('VID:0a1b2c3d4e5f')).resolves.toEqual({ vehicle: tractor, source: 'evccid' });
  });

  it('links an idTag in any case, and nothing for an unknown one', async () => {
    await expect(linker().byIdentifier('bus-01-TAG')).resolves.toEqual({ vehicle: bus, source: 'id-tag' });
    await expect(linker().byIdentifier('STRANGER')).resolves.toBeNull();
  });

  it('answers Authorize in the gateway’s shape', async () => {
    const identifiers = new FleetIdentifiers(linker());
    await expect(identifiers.findByIdTag('0A:1B:2C:3D:4E:5F')).resolves.toEqual({
      id: 'v2',
      siteId: 's1',
      inService: false,
    });
  });
});
