import { Clock } from '../../src/common/clock';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { CHARGER_PASSWORD, connectStatus, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';

const PER_CHARGER = 5;
const PER_ADDRESS = 12;
/** Longer than the largest back-off (60 s) and the quiet time after which failures are forgotten (15 min). */
const PAST_EVERY_BLOCK_MS = 20 * 60_000;

/**
 * Failed-authentication back-off (ISSUE 14): a wrong-password flood used to cost one scrypt each (~15/s, /health p50
 * 9 → 111 ms). Every flood here is a bounded loop on loopback, and "stops by itself" is shown on the service's clock,
 * moved forward, never by waiting.
 */
describe('OCPP handshake: failed authentications back off', () => {
  let app: TestApp;
  let fleetManager: string;
  let shiftMs = 0;
  // The service's clock stands still during a flood (a loaded machine must not let a block run out mid-loop).
  const startedMs = Date.now();
  const clock: Clock = { now: () => new Date(startedMs + shiftMs) };
  const clients: TestRpcClient[] = [];
  const attempt = async (identity: string, password: string) => {
    const client = ocppClient(app, identity, 'ocpp1.6', password);
    clients.push(client);
    const status = await connectStatus(client);
    if (status === 101) await client.close();
    return status;
  };
  const flood = async (identity: string, count: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i += 1) statuses.push(await attempt(identity, `wrong-password-${i}`));
    return statuses;
  };

  beforeAll(async () => {
    // The gateway reads its settings from the process environment when its module starts.
    process.env.APRON_OCPP_AUTH_FAILURES_PER_CHARGER = String(PER_CHARGER);
    process.env.APRON_OCPP_AUTH_FAILURES_PER_ADDRESS = String(PER_ADDRESS);
    app = await startTestApp({ clock });
    fleetManager = await createKey(app, 'fleet-manager');
  });
  beforeEach(() => {
    shiftMs += PAST_EVERY_BLOCK_MS;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
    delete process.env.APRON_OCPP_AUTH_FAILURES_PER_CHARGER;
    delete process.env.APRON_OCPP_AUTH_FAILURES_PER_ADDRESS;
  });

  it('after 5 wrong passwords for one charger id the rest are answered 429 without checking the password; the block ends by itself', async () => {
    const { siteId } = await registerCharger(app, fleetManager, 'AF-ONE');
    await registerCharger(app, fleetManager, 'AF-OTHER', { siteId });

    const statuses = await flood('AF-ONE', 12);

    expect(statuses).toEqual([...Array(PER_CHARGER).fill(401), ...Array(12 - PER_CHARGER).fill(429)]);
    // The right password is not even checked while blocked (it would connect if it were): no hashing work.
    expect(await attempt('AF-ONE', CHARGER_PASSWORD)).toBe(429);
    // Other chargers are not affected.
    expect(await attempt('AF-OTHER', CHARGER_PASSWORD)).toBe(101);

    shiftMs += 61_000;
    expect(await attempt('AF-ONE', CHARGER_PASSWORD)).toBe(101);
  });

  it('a flood against a charger id does not lock out the charger itself once it proved its password', async () => {
    await registerCharger(app, fleetManager, 'AF-REAL');
    expect(await attempt('AF-REAL', CHARGER_PASSWORD)).toBe(101);

    expect((await flood('AF-REAL', PER_CHARGER + 3)).slice(-1)).toEqual([429]);

    expect(await attempt('AF-REAL', CHARGER_PASSWORD)).toBe(101);
  });

  it('failures from one address across many ids (wrong passwords, unknown ids) back off the address', async () => {
    const { siteId } = await registerCharger(app, fleetManager, 'AF-ADDR-0');
    const ids = ['AF-ADDR-0'];
    for (let i = 1; i < 6; i += 1) {
      await registerCharger(app, fleetManager, `AF-ADDR-${i}`, { siteId });
      ids.push(`AF-ADDR-${i}`);
    }
    const statuses: number[] = [];
    // Two wrong passwords per registered id (under the per-charger limit), then made-up ids.
    for (const id of [...ids, ...ids]) statuses.push(await attempt(id, 'not-the-password'));
    for (let i = 0; i < 4; i += 1) statuses.push(await attempt(`AF-GUESS-${i}`, 'anything'));

    expect(statuses.slice(0, PER_ADDRESS)).toEqual(Array(PER_ADDRESS).fill(401));
    expect(statuses.slice(PER_ADDRESS)).toEqual(Array(statuses.length - PER_ADDRESS).fill(429));

    shiftMs += 61_000;
    expect(await attempt('AF-ADDR-3', CHARGER_PASSWORD)).toBe(101);
    expect(await attempt('AF-GUESS-0', 'anything')).toBe(404);
    // That failure continued the doubling: the address is blocked again right away.
    expect(await attempt('AF-GUESS-1', 'anything')).toBe(429);
  });
});
