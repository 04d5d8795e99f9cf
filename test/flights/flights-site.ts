import request from 'supertest';
import { aSite } from '../support/fixtures';
import { TestApp } from '../support/test-app';

export const CSV_HEADER = 'carrier,number,operatingDate,direction,scheduledTime,stand,passengers,aircraftType';

/** An airport site (iataCode CAN, 80 passengers a bus) with two remote stands and one contact stand. */
export async function createFlightSite(app: TestApp, token: string, code: string, iataCode = 'CAN'): Promise<string> {
  const site = await app.http(token).post('/api/v1/sites').send(aSite({ code, iataCode })).expect(201);
  await putStands(app, token, site.body.id, [
    { id: 'R201', kind: 'remote', busMinutesOneWay: 6, distanceKmOneWay: 2.4 },
    { id: 'R202', kind: 'remote', busMinutesOneWay: 10, distanceKmOneWay: 3.6 },
    { id: 'C01', kind: 'contact', busMinutesOneWay: 0, distanceKmOneWay: 0 },
  ]).expect(200);
  return site.body.id as string;
}

export function putStands(app: TestApp, token: string, siteId: string, stands: object[]): request.Test {
  return request(app.baseUrl)
    .put(`/api/v1/sites/${siteId}/stands`)
    .set('Authorization', `Bearer ${token}`)
    .send({ stands });
}

export function postSchedule(app: TestApp, token: string, siteId: string, type: string, body: string, query = '') {
  return app.http(token).post(`/api/v1/sites/${siteId}/flight-schedule${query}`).set('Content-Type', type).send(body);
}

export function postFlights(app: TestApp, token: string, siteId: string, flights: object[]) {
  return app.http(token).post(`/api/v1/sites/${siteId}/flights`).send({ flights });
}
