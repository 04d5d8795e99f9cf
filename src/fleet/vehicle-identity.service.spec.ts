import { VehicleEvccidsRepository } from './vehicle-evccids.repository';
import { Vehicle } from './vehicle.entity';
import { VehicleIdentityService } from './vehicle-identity.service';
import { VehiclesService } from './vehicles.service';

const bus = { id: 'v1', siteId: 's1', fleetNumber: 'BUS-01', inService: true, idTag: 'BUS-01-TAG' } as Vehicle;
const tractor = { id: 'v2', siteId: 's1', fleetNumber: 'TR-02', inService: false, idTag: null } as Vehicle;

function identity() {
  const vehicles = {
    list: jest.fn(async () => ({ items: [bus, tractor], total: 2 })),
    findByIdTag: jest.fn(async (tag: string) => (tag === 'BUS-01-TAG' ? bus : null)),
  } as unknown as VehiclesService;
  const evccids = {
    vehicleOf: jest.fn(async (evccid: string) => (evccid === '0A1B2C3D4E5F' ? 'v2' : null)),
  } as unknown as VehicleEvccidsRepository;
  return new VehicleIdentityService(vehicles, evccids);
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

  it('resolves a vehicle by id or fleet number, as a dispatcher names it', async () => {
    const service = identity();
    await expect(service.resolve('TR-02')).resolves.toBe(tractor);
    await expect(service.resolve('BUS-99')).resolves.toBeNull();
  });
});
