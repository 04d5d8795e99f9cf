/**
 * The CALLERROR codes OCPP-J 1.6 knows (§4.2.3). The errata (§5.2) keeps the spelling `FormationViolation` on the wire
 * ("do not fix, this is a message level change"), and 1.6 has no `RpcFrameworkError`, `FormatViolation` or
 * `MessageTypeNotSupported` (OCPP-J 2.0.1 §4.3 added those).
 */
export const V16_CALL_ERROR_CODES = [
  'NotImplemented',
  'NotSupported',
  'InternalError',
  'ProtocolError',
  'SecurityError',
  'FormationViolation',
  'PropertyConstraintViolation',
  'OccurenceConstraintViolation',
  'OccurrenceConstraintViolation',
  'TypeConstraintViolation',
  'GenericError',
] as const;

/** A 2.0.1-only code that means "this frame is not a valid message" in 1.6 words. */
const V16_EQUIVALENT: Record<string, string> = {
  RpcFrameworkError: 'FormationViolation',
  FormatViolation: 'FormationViolation',
  MessageTypeNotSupported: 'FormationViolation',
};

const CALL_ERROR_PREFIX = /^\s*\[\s*4\s*,/;

/**
 * An outgoing frame as a 1.6 charger must see it: a CALLERROR with a code 1.6 does not have gets its 1.6 equivalent
 * (GenericError when there is none); every other frame is returned as it is.
 */
export function asV16Frame(frame: string): string {
  if (!CALL_ERROR_PREFIX.test(frame)) return frame;
  let message: unknown;
  try {
    message = JSON.parse(frame);
  } catch {
    return frame;
  }
  if (!Array.isArray(message) || message[0] !== 4 || typeof message[2] !== 'string') return frame;
  const code = message[2];
  if ((V16_CALL_ERROR_CODES as readonly string[]).includes(code)) return frame;
  return JSON.stringify([4, message[1], V16_EQUIVALENT[code] ?? 'GenericError', ...message.slice(3)]);
}
