import { OcppVersion } from '@apron/ocpp-model';

/** OCPP-J 1.6 §4.1.3 (errata) and OCPP-J 2.0.1 §4.1.3: the messageId is a string of at most 36 characters (a UUID). */
export const MAX_MESSAGE_ID_CHARS = 36;

/** Frames longer than this are logged cut short: the raw log is for diagnosis, and its batch buffer must stay small. */
export const MESSAGE_LOG_FRAME_CHARS = 16 * 1024;

export interface CallErrorReply {
  code: 'FormatViolation' | 'RpcFrameworkError';
  description: string;
}

/**
 * The CALLERROR for a CALL whose messageId breaks the OCPP-J limit, or null when it is fine. 2.0.1 has RpcFrameworkError
 * for "content of the call is not a valid RPC request" (OCPP-J 2.0.1 §4.3); 1.6 has no such code, and its
 * FormatViolation covers a message that does not conform to the PDU structure (OCPP-J 1.6 §4.2.3 with the errata's
 * rename of FormationViolation).
 */
export function messageIdViolation(version: OcppVersion, messageId: string): CallErrorReply | null {
  if (messageId.length <= MAX_MESSAGE_ID_CHARS) return null;
  return {
    code: version === '2.0.1' ? 'RpcFrameworkError' : 'FormatViolation',
    description: `messageId longer than ${MAX_MESSAGE_ID_CHARS} characters`,
  };
}

/** A frame as the message log keeps it: whole up to `maxChars`, else its start and how much was cut. */
export function loggedFrame(frame: string, maxChars = MESSAGE_LOG_FRAME_CHARS): string {
  if (frame.length <= maxChars) return frame;
  return `${frame.slice(0, maxChars)}…[${frame.length - maxChars} more characters not logged]`;
}
