import request from 'supertest';
import { serviceDatabase, ServiceProcess, startServiceProcess } from '../support/service-process';

const TOKEN = /apron_[A-Za-z0-9_-]{43}/g;

/** A fresh install without APRON_ADMIN_TOKEN, started as `npm start` starts it: by its real entry point. */
describe('first start on a fresh database without APRON_ADMIN_TOKEN', () => {
  let database: Awaited<ReturnType<typeof serviceDatabase>>;
  let running: ServiceProcess | undefined;

  beforeAll(async () => {
    database = await serviceDatabase();
  });
  afterAll(async () => {
    await running?.stop();
    await database.drop();
  });

  it('prints a working admin key once, all in JSON lines when asked; a later start prints none', async () => {
    running = await startServiceProcess({ ...database.env, LOG_FORMAT: 'json', APRON_TICK_SECOND: '30' });
    const first = running;
    const tokens = first.stdout().match(TOKEN) ?? [];
    expect(tokens).toHaveLength(1);
    const key = String(tokens[0]);
    const keys = await request(first.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${key}`);
    expect(keys.status).toBe(200);
    expect(keys.body.items).toEqual([expect.objectContaining({ role: 'admin', revokedAt: null })]);
    expect(await first.stop()).toBe(0);
    running = undefined;

    const lines = first.stdout().trim().split('\n').map(parseJsonLine);
    const messages = lines.map((line) => line.msg);
    expect(messages).toContainEqual(expect.stringMatching(/^Apron listening on http:\/\/127\.0\.0\.1:\d+/));
    expect(messages).toContain('Apron stopping (SIGTERM)');
    expect(messages).toContain('Unknown variable APRON_TICK_SECOND is ignored; did you mean APRON_TICK_SECONDS?');
    const keyLine = lines.find((line) => String(line.msg).includes(key))!;
    expect(keyLine.msg).toMatch(/shown only this once/);
    expect(keyLine.msg).toMatch(/POST \/api\/v1\/api-keys .*DELETE \/api\/v1\/api-keys\//);
    first.stderr().trim().split('\n').filter(Boolean).forEach(parseJsonLine);

    running = await startServiceProcess({ ...database.env });
    expect(running.stdout()).not.toMatch(TOKEN);
    expect(running.stdout()).not.toMatch(/First start/);
    const again = await request(running.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${key}`);
    expect(again.status).toBe(200);
    expect(again.body.total).toBe(1);
  });
});

function parseJsonLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`not a JSON line: ${line}`);
  }
}
