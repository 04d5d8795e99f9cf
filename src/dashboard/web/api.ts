import { SseFrame, SseParser } from './sse-parser.js';

const TOKEN_KEY = 'apron.apiKey';

/** An API answer other than 2xx, with the service's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The API key, kept in this tab's sessionStorage, or in localStorage when the user asks to be remembered on the
 * device. It only ever travels in the Authorization header, never in a URL.
 */
export const tokenStore = {
  get(): string | null {
    return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
  },
  set(token: string, remember: boolean): void {
    this.clear();
    (remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
  },
};

export class ApiClient {
  constructor(private readonly token: string) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok)
      throw new ApiError(response.status, errorMessage(json) ?? `${response.status} ${response.statusText}`);
    return json as T;
  }

  /**
   * Reads the site's event stream with fetch (EventSource cannot send the key in a header) until `signal` aborts or
   * the stream ends; each frame goes to `onFrame`. Resolves when the stream ends, rejects on an error answer.
   */
  async stream(path: string, onFrame: (frame: SseFrame) => void, signal: AbortSignal): Promise<void> {
    const response = await fetch(path, {
      headers: { Authorization: `Bearer ${this.token}`, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (!response.ok || !response.body) throw new ApiError(response.status, `stream: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const frame of parser.push(value)) onFrame(frame);
      }
    } finally {
      reader.releaseLock();
    }
  }
}

function errorMessage(json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const { message, fields } = json as { message?: unknown; fields?: { field: string; messages: string[] }[] };
  if (Array.isArray(fields) && fields.length > 0) return fields.map((f) => f.messages.join(', ')).join('; ');
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}
