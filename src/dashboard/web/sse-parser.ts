/** One Server-Sent Events frame: an event with its data, or a comment line (the stream's heartbeats). */
export interface SseFrame {
  event?: string;
  data?: string;
  id?: string;
  comment?: string;
}

/**
 * Incremental parser of a text/event-stream body (the WHATWG event stream format): feed it chunks as they arrive,
 * in any split, and take the complete frames. Used with fetch, which, unlike EventSource, can send the API key in the
 * Authorization header.
 */
export class SseParser {
  private buffer = '';
  private pending: { event?: string; id?: string; data: string[] } = { data: [] };

  push(chunk: string): SseFrame[] {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\n|\r(?!$)/);
    // The last piece is an unfinished line (or '' after a line break); a lone trailing \r may be half of \r\n.
    this.buffer = lines.pop() ?? '';
    const frames: SseFrame[] = [];
    for (const line of lines) {
      const frame = this.line(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (frame) frames.push(frame);
    }
    return frames;
  }

  private line(line: string): SseFrame | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return { comment: line.slice(1).trim() };
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.pending.event = value;
    else if (field === 'data') this.pending.data.push(value);
    else if (field === 'id') this.pending.id = value;
    return null;
  }

  private dispatch(): SseFrame | null {
    const { event, id, data } = this.pending;
    this.pending = { data: [] };
    if (data.length === 0) return null;
    return { event: event || 'message', data: data.join('\n'), ...(id === undefined ? {} : { id }) };
  }
}
