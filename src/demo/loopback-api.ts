/**
 * The demo's HTTP client for the service's own API. It only ever talks to loopback: the demo runs the service in
 * this process and must never reach anything else.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export class LoopbackApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {
    const host = new URL(baseUrl).hostname;
    if (!LOOPBACK_HOSTS.has(host)) throw new Error(`the demo only talks to loopback, not ${host}`);
  }

  /** The same service as another role. */
  as(token: string): LoopbackApi {
    return new LoopbackApi(this.baseUrl, token);
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  /** A text body (a schedule file) as `contentType`. */
  async postText<T>(path: string, contentType: string, text: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': contentType },
      body: text,
    });
    const parsed: unknown = await response.json();
    if (!response.ok) throw new ApiError('POST', path, response.status, parsed);
    return parsed as T;
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiError(method, path, response.status, parsed);
    return parsed as T;
  }
}
