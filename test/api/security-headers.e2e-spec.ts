import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

describe('security headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['the dashboard', '/', undefined],
    ['the OpenAPI UI', '/docs', undefined],
    ['health', '/health', undefined],
    ['an API answer', '/api/v1/sites', ADMIN_TOKEN],
    ['a refused request', '/api/v1/sites', undefined],
    ['an unknown route', '/nowhere', undefined],
  ])('are on %s, without X-Powered-By', async (_what, path, token) => {
    const response = await app.http(token).get(path);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('keep API answers out of caches (a new key shows its token once)', async () => {
    const response = await app.http(ADMIN_TOKEN).get('/api/v1/api-keys').expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it("let the dashboard's own scripts run: none inline, all from this origin", async () => {
    const response = await app.http().get('/').expect(200);
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    const scripts = [...(response.text as string).matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc="\/[^/]/);
  });
});
