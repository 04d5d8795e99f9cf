import { asV16Frame } from './v16-call-errors';

describe('CALLERROR codes on OCPP 1.6 connections (OCPP-J 1.6 §4.2.3, errata §5.2)', () => {
  it('turns the 2.0.1-only codes for a malformed frame into FormationViolation', () => {
    for (const code of ['RpcFrameworkError', 'FormatViolation', 'MessageTypeNotSupported']) {
      expect(JSON.parse(asV16Frame(JSON.stringify([4, '-1', code, 'Message ID must be a string', {}])))).toEqual([
        4,
        '-1',
        'FormationViolation',
        'Message ID must be a string',
        {},
      ]);
    }
  });

  it('keeps codes 1.6 has, and answers an unknown code as GenericError', () => {
    const notImplemented = JSON.stringify([4, 'a1', 'NotImplemented', 'Foo is not known', {}]);
    expect(asV16Frame(notImplemented)).toBe(notImplemented);
    expect(JSON.parse(asV16Frame(JSON.stringify([4, 'a2', 'SomethingNew', 'x', {}])))[2]).toBe('GenericError');
  });

  it('leaves calls and call results alone, whatever they carry', () => {
    const result = JSON.stringify([3, 'a3', { status: 'RpcFrameworkError' }]);
    const call = JSON.stringify([2, 'a4', 'DataTransfer', { data: '[4,"x","RpcFrameworkError"]' }]);
    expect(asV16Frame(result)).toBe(result);
    expect(asV16Frame(call)).toBe(call);
    expect(asV16Frame('[4, not json')).toBe('[4, not json');
  });
});
