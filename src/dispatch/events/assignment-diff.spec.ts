import { diffAssignments } from './assignment-diff';

describe('diffAssignments', () => {
  it('lists assignments added and removed between two plans, ignoring order', () => {
    const previous = [
      { taskId: 'T1', vehicleId: 'BUS-01' },
      { taskId: 'T2', vehicleId: 'BUS-02' },
    ];
    const next = [
      { taskId: 'T2', vehicleId: 'BUS-02' },
      { taskId: 'T1', vehicleId: 'BUS-03' },
    ];
    expect(diffAssignments(previous, next)).toEqual({
      added: [{ taskId: 'T1', vehicleId: 'BUS-03' }],
      removed: [{ taskId: 'T1', vehicleId: 'BUS-01' }],
    });
    expect(diffAssignments(next, [...next].reverse())).toEqual({ added: [], removed: [] });
  });
});
