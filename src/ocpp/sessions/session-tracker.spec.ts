import { SessionRow } from '../persistence/session.entity';
import { SessionTracker } from './session-tracker';

function openSession(): SessionRow {
  return Object.assign(new SessionRow(), {
    id: '00000000-0000-4000-8000-000000000001',
    chargePointId: 'CP-1',
    transactionId: '7',
    evseId: 1,
    energyWh: 0,
    lastRegisterWh: 1000,
    lastRegisterAt: new Date('2026-11-22T10:00:00Z'),
    registerResets: 0,
    lastSocPercent: null,
    stoppedAt: null,
  });
}

describe('SessionTracker', () => {
  it('hands out a changed counter once, and again after its write failed', () => {
    const tracker = new SessionTracker();
    const tracked = tracker.track(openSession())!;
    tracker.reading(tracked, { energyWh: 1500, at: new Date('2026-11-22T10:01:00Z') });

    const taken = tracker.takeDirty();
    expect(taken).toEqual([expect.objectContaining({ energyWh: 500, lastRegisterWh: 1500 })]);
    expect(tracker.takeDirty()).toEqual([]);

    tracker.restoreDirty(taken);
    expect(tracker.takeDirty()).toEqual([expect.objectContaining({ energyWh: 500 })]);
  });

  it('restoring after a newer reading hands out the newer counter', () => {
    const tracker = new SessionTracker();
    const tracked = tracker.track(openSession())!;
    tracker.reading(tracked, { energyWh: 1500, at: new Date('2026-11-22T10:01:00Z') });
    const taken = tracker.takeDirty();
    tracker.reading(tracked, { energyWh: 1800, at: new Date('2026-11-22T10:02:00Z') });
    tracker.restoreDirty(taken);
    expect(tracker.takeDirty()).toEqual([expect.objectContaining({ energyWh: 800 })]);
  });
});
