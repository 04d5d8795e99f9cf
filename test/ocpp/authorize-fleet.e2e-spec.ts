import { aVehicle } from '../support/fixtures';
import { BOOT_16, connectStatus, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

describe('Authorize at a depot that rejects unknown idTags (1.6)', () => {
  let app: TestApp;
  let client: TestRpcClient;

  beforeAll(async () => {
    app = await startTestApp();
    const { siteId } = await registerCharger(app, ADMIN_TOKEN, 'AUTH-CASE', {
      site: { code: 'AUTH-CASE-SITE', unknownIdTagPolicy: 'reject' },
    });
    await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'BUS-AUTH', idTag: 'BUS-07-TAG' }))
      .expect(201);
    client = ocppClient(app, 'AUTH-CASE', 'ocpp1.6');
    expect(await connectStatus(client)).toBe(101);
    await client.call('BootNotification', BOOT_16);
  });
  afterAll(async () => {
    await client?.close({ force: true });
    await app.close();
  });

  it('accepts a fleet idTag in any letter case (OCPP idTags are case-insensitive)', async () => {
    expect(await client.call('Authorize', { idTag: 'BUS-07-TAG' })).toEqual({ idTagInfo: { status: 'Accepted' } });
    expect(await client.call('Authorize', { idTag: 'bus-07-tag' })).toEqual({ idTagInfo: { status: 'Accepted' } });
  });

  it('rejects a tag no vehicle has', async () => {
    const answer = (await client.call('Authorize', { idTag: 'VISITOR-1' })) as { idTagInfo: { status: string } };
    expect(answer.idTagInfo.status).not.toBe('Accepted');
  });
});
