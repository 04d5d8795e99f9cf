import { VehicleDirectory } from './vehicle-directory';
import { VehicleEvccidsRepository } from './vehicle-evccids.repository';
import { Vehicle } from './vehicle.entity';
import { VehicleIdentityService } from './vehicle-identity.service';

const bus = { id: 'v1', siteId: 's1', inService: true, idTag: 'BUS-01-TAG' } as Vehicle;
const tractor = { id: 'v2', siteId: 's1', inService: false, idTag: null } as Vehicle;

function identity() {
  const directory = {
    get: jest.fn(async (id: string) => [bus, tractor].find((v) => v.id === id) ?? null),
    findByIdTag: jest.fn(async (tag: string) => (tag.toLowerCase() === 'bus-01-tag' ? bus : null)),
  } as unknown as VehicleDirectory;
  const evccids = {
    vehicleOf: jest.fn(async (evccid: string) => (evccid === '0A1B2C3D4E5F' ? 'v2' : null)),
  } as unknown as VehicleEvccidsRepository;
  return new VehicleIdentityService(directory, evccids);
}

describe('VehicleIdentityService', () => {
  it('finds the vehicle of an EVCCID registered to it, in any of its spellings', async () => {
    await expect(identity().byIdentifier('VID:0a1b2c3d4e5f')).resolves.toEqual({ vehicle: tractor, source: 'evccid' });
  });

  it('finds an idTag in any case, and nothing for an unknown one', async () => {
    await expect(identity().byIdentifier('bus-01-TAG')).resolves.toEqual({ vehicle: bus, source: 'id-tag' });
    await expect(identity().byIdentifier('STRANGER')).resolves.toBeNull();
  });

  it('answers Authorize in the gateway’s shape, with how the vehicle was found', async () => {
    await expect(identity().findByIdTag('0A:1B:2C:3D:4E:5F')).resolves.toEqual({
      id: 'v2',
      siteId: 's1',
      inService: false,
      linkSource: 'evccid',
    });
  });
});
