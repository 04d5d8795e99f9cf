import { FrameActions } from './frame-actions';

describe('FrameActions', () => {
  const handled = new Set(['BootNotification', 'Heartbeat']);

  it('names a call by its action and each answer by the call it answers, whichever side called', () => {
    const actions = new FrameActions(handled);
    expect(actions.of('[2,"a1","BootNotification",{"chargePointVendor":"x"}]', false)).toBe('BootNotification');
    expect(actions.of('[2,"b1","SetChargingProfile",{}]', true)).toBe('SetChargingProfile');
    expect(actions.of('[3,"a1",{"status":"Accepted"}]', true)).toBe('BootNotification');
    expect(actions.of('[4,"b1","NotSupported","",{}]', false)).toBe('SetChargingProfile');
  });

  it('keeps the label bounded: unhandled actions, answers to no call and garbage share one value each', () => {
    const actions = new FrameActions(handled);
    expect(actions.of('[2,"x","MadeUpAction",{}]', false)).toBe('unsupported');
    expect(actions.of('[3,"never-called",{}]', false)).toBe('unknown');
    expect(actions.of('[3,"a1",{}]', true)).toBe('unknown');
    expect(actions.of('not json', false)).toBe('invalid');
    expect(actions.of('[2,"y"]', false)).toBe('invalid');
  });

  it('forgets an answered call, so a repeated answer is unknown', () => {
    const actions = new FrameActions(handled);
    actions.of('[2,"h","Heartbeat",{}]', false);
    expect(actions.of('[3,"h",{"currentTime":"2026-12-07T00:00:00Z"}]', true)).toBe('Heartbeat');
    expect(actions.of('[3,"h",{}]', true)).toBe('unknown');
  });
});
