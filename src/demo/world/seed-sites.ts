/**
 * Seeds the demo's sites the way a fleet manager would: through the admin API over loopback HTTP (sites, chargers
 * with their OCPP password, vehicles with their idTag). Transfer tasks follow as the flight schedule is published
 * (flight-schedule.ts).
 */
import { LoopbackApi } from '../loopback-api';
import { AirportDemoSite, DemoCharger, HighwayDemoSite } from '../sites/demo-site.types';

export interface SeededAirport {
  siteId: string;
}

export interface SeededHighway {
  siteId: string;
}

interface Created {
  id: string;
}

export async function seedAirport(
  admin: LoopbackApi,
  airport: AirportDemoSite,
  password: string,
): Promise<SeededAirport> {
  const { id: siteId } = await admin.post<Created>('/api/v1/sites', airport.site);
  await seedChargers(admin, siteId, airport.chargers, password);
  for (const bus of airport.buses) {
    await admin.post('/api/v1/vehicles', {
      siteId,
      fleetNumber: bus.fleetNumber,
      type: 'apron-bus',
      batteryKwh: bus.batteryKwh,
      minSocPercent: 20,
      maxSocPercent: 95,
      maxChargeKw: bus.maxChargeKw,
      chargeEfficiency: 0.93,
      consumptionKwhPerKm: 1.3,
      idTag: bus.idTag,
      turnaroundMinutes: 5,
    });
  }
  return { siteId };
}

export async function seedHighway(
  admin: LoopbackApi,
  highway: HighwayDemoSite,
  password: string,
): Promise<SeededHighway> {
  const { id: siteId } = await admin.post<Created>('/api/v1/sites', highway.site);
  await seedChargers(admin, siteId, highway.chargers, password);
  return { siteId };
}

async function seedChargers(admin: LoopbackApi, siteId: string, chargers: DemoCharger[], password: string) {
  for (const charger of chargers) {
    await admin.post('/api/v1/chargers', {
      chargePointId: charger.chargePointId,
      siteId,
      currentType: 'DC',
      maxKw: charger.maxKw,
      connectors: charger.connectorKw.map((maxKw, i) => ({ connectorId: i + 1, maxKw })),
      password,
    });
  }
}

/** An API key for one of the demo's actors (or for the person watching), shown once. */
export async function createApiKey(admin: LoopbackApi, name: string, role: string): Promise<string> {
  const { token } = await admin.post<{ token: string }>('/api/v1/api-keys', { name, role });
  return token;
}
