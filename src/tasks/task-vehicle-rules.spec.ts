import { namedVehicleViolations, vehicleListViolations } from './task-vehicle-rules';

const vehicles = [
  { fleetNumber: 'BUS-01', type: 'apron-bus' },
  { fleetNumber: 'TUG-01', type: 'baggage-tractor' },
];

describe('task vehicle rules', () => {
  it('accepts a vehicle of the site and the task type, and names the problem otherwise', () => {
    expect(namedVehicleViolations('BUS-01', { vehicleType: 'apron-bus' }, vehicles)).toEqual([]);
    expect(namedVehicleViolations('BUS-99', { vehicleType: 'apron-bus' }, vehicles)).toEqual([
      { field: 'vehicle', messages: ['vehicle BUS-99 is not a vehicle of this site'] },
    ]);
    expect(namedVehicleViolations('TUG-01', { vehicleType: 'apron-bus' }, vehicles)).toEqual([
      { field: 'vehicle', messages: ['vehicle TUG-01 is a baggage-tractor; the task needs a apron-bus'] },
    ]);
  });

  it('refuses a vehicle both pinned and forbidden, and more pins than vehicles needed', () => {
    const ok = { pinnedVehicles: ['BUS-01'], forbiddenVehicles: ['BUS-02'], vehiclesNeeded: 1 };
    expect(vehicleListViolations(ok, 'vehicle')).toEqual([]);
    expect(vehicleListViolations({ ...ok, forbiddenVehicles: ['BUS-01'] }, 'vehicle')).toEqual([
      { field: 'vehicle', messages: ['vehicle BUS-01 cannot be both pinned and forbidden on a task'] },
    ]);
    expect(vehicleListViolations({ ...ok, pinnedVehicles: ['BUS-01', 'BUS-03'] }, 'vehiclesNeeded')).toEqual([
      { field: 'vehiclesNeeded', messages: ['2 vehicles pinned but the task needs only 1: unpin one first'] },
    ]);
  });
});
