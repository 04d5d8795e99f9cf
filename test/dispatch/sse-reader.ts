import { request as httpRequest, ClientRequest, IncomingMessage } from 'node:http';

export interface SseEvent {
  event?: string;
  data?: string;
  comment?: string;
}

/** A raw SSE reader on loopback: parses frames as they come; always aborted by the test. */
export class StreamReader {
  readonly frames: SseEvent[] = [];
  private buffer = '';
  private readonly request: ClientRequest;
  readonly response: Promise<IncomingMessage>;
  /** Resolves when the server ends the response. */
  readonly ended: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    let resolve!: (response: IncomingMessage) => void;
    let reject!: (error: Error) => void;
    let ended!: () => void;
    this.response = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    this.ended = new Promise((res) => (ended = res));
    this.request = httpRequest(url, { headers: { Accept: 'text/event-stream', ...headers } }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => this.take(chunk));
      response.on('end', () => ended());
      resolve(response);
    });
    this.request.on('error', (error) => {
      if (!this.request.destroyed) reject(error);
    });
    this.request.end();
  }

  /** Resolves with the first frame matching, or fails after `timeoutMs`. */
  async waitFor(match: (frame: SseEvent) => boolean, timeoutMs = 15_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching frame; got ${JSON.stringify(this.frames)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.request.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const frame: SseEvent = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else if (line.startsWith('event: ')) frame.event = line.slice(7);
        else if (line.startsWith('data: ')) frame.data = (frame.data ?? '') + line.slice(6);
      }
      if (frame.comment || frame.event || frame.data) this.frames.push(frame);
    }
  }
}
