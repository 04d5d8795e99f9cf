import { loggedFrame, MAX_MESSAGE_ID_CHARS, messageIdViolation } from './frame-limits';

describe('frame limits', () => {
  it('accepts a messageId of up to 36 characters (a UUID) in both versions', () => {
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(uuid).toHaveLength(MAX_MESSAGE_ID_CHARS);
    expect(messageIdViolation('1.6', uuid)).toBeNull();
    expect(messageIdViolation('2.0.1', uuid)).toBeNull();
  });

  it('answers a 37-character messageId per version: FormatViolation (1.6), RpcFrameworkError (2.0.1)', () => {
    const long = 'x'.repeat(MAX_MESSAGE_ID_CHARS + 1);
    expect(messageIdViolation('1.6', long)?.code).toBe('FormatViolation');
    expect(messageIdViolation('2.0.1', long)?.code).toBe('RpcFrameworkError');
  });

  it('logs a long frame cut short, saying how much was left out; a short one whole', () => {
    expect(loggedFrame('[2,"1","Heartbeat",{}]', 100)).toBe('[2,"1","Heartbeat",{}]');
    const logged = loggedFrame('a'.repeat(250), 100);
    expect(logged.startsWith('a'.repeat(100))).toBe(true);
    expect(logged).toContain('[150 more characters not logged]');
    expect(logged.length).toBeLessThan(150);
  });
});
