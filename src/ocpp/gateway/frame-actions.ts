/** Type, message id and (for a CALL) action at the head of an OCPP-J frame, read without parsing the payload. */
const FRAME_HEAD = /^\s*\[\s*([234])\s*,\s*"([^"\\]{0,128})"(?:\s*,\s*"([A-Za-z0-9]{1,64})")?/;

/** Calls awaiting their answer; calls are serialized per connection, so a few suffice (the oldest go first). */
const MAX_PENDING = 64;

/**
 * The OCPP action each frame on one connection belongs to, for counting frames by action: a CALL names it, a
 * CALLRESULT or CALLERROR belongs to the call it answers. The label stays bounded whatever a charger sends: calls to
 * actions the service does not handle count as `unsupported`, answers to no known call as `unknown`, frames that are
 * no CALL, CALLRESULT or CALLERROR as `invalid`.
 */
export class FrameActions {
  private readonly pending = new Map<string, string>();

  constructor(private readonly handledInbound: ReadonlySet<string>) {}

  of(frame: string, outbound: boolean): string {
    const head = FRAME_HEAD.exec(frame);
    if (!head) return 'invalid';
    const [, type, messageId, method] = head;
    if (type === '2') {
      if (method === undefined) return 'invalid';
      const action = outbound || this.handledInbound.has(method) ? method : 'unsupported';
      this.remember(`${outbound ? 'out' : 'in'}:${messageId}`, action);
      return action;
    }
    // An answer travels the other way from its call.
    const key = `${outbound ? 'in' : 'out'}:${messageId}`;
    const action = this.pending.get(key);
    this.pending.delete(key);
    return action ?? 'unknown';
  }

  private remember(key: string, action: string): void {
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(key, action);
  }
}
