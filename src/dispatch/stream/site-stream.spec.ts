import { MessageEvent } from '@nestjs/common';
import { FlightEvents } from '../../flights/flight-events';
import { SchedulingEvents } from '../../scheduling/scheduling-events';
import { DispatchEvents } from '../events/dispatch-events';
import { SiteStream } from './site-stream';

const alert = (siteId: string) =>
  ({ type: 'alert', siteId, severity: 'warning', code: 'task-unserved', message: 'm', at: 'now' }) as const;

describe('SiteStream', () => {
  it('opens with a comment, passes its own site events named by type, and sends heartbeat comments', async () => {
    const scheduling = new SchedulingEvents();
    const dispatch = new DispatchEvents();
    const flights = new FlightEvents();
    const frames: MessageEvent[] = [];
    const subscription = new SiteStream(scheduling, dispatch, flights)
      .of('A', 20)
      .subscribe((frame) => frames.push(frame));
    scheduling.publish(alert('B'));
    scheduling.publish(alert('A'));
    dispatch.publish({
      type: 'assignments.changed',
      siteId: 'A',
      planRunId: 'r',
      previousPlanRunId: null,
      added: [],
      removed: [],
      at: 'now',
    });
    flights.publish({
      type: 'flights.imported',
      siteId: 'A',
      created: 1,
      updated: 0,
      unchanged: 0,
      cancelled: 0,
      tasksChanged: 1,
      at: 'now',
    });
    const heartbeats = () => frames.filter((frame) => frame.comment === 'heartbeat').length;
    for (let waitedMs = 0; heartbeats() < 2 && waitedMs < 2000; waitedMs += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    subscription.unsubscribe();
    expect(frames[0]).toEqual({ comment: 'connected' });
    expect(
      frames.filter((frame) => frame.type).map((frame) => [frame.type, (frame.data as { siteId: string }).siteId]),
    ).toEqual([
      ['alert', 'A'],
      ['assignments.changed', 'A'],
      ['flights.imported', 'A'],
    ]);
    expect(heartbeats()).toBeGreaterThanOrEqual(2);
  });
});
