/** The demo's chargers: one VirtualChargePoint per seeded charger, connected over real OCPP on loopback. */
import { ManualClock, VirtualChargePoint } from '../../../libs/simulator/src/charge-point';
import { DemoCharger } from '../sites/demo-site.types';

export interface ChargerLink {
  /** ws://127.0.0.1:PORT/ocpp */
  endpoint: string;
  password: string;
  /** Simulated seconds between meter values until the service configures its own interval. */
  meterIntervalSeconds: number;
}

export function virtualChargers(chargers: DemoCharger[], clock: ManualClock, link: ChargerLink): VirtualChargePoint[] {
  return chargers.map(
    (charger) =>
      new VirtualChargePoint({
        identity: charger.chargePointId,
        endpoint: link.endpoint,
        protocol: charger.protocol,
        password: link.password,
        clock,
        connectors: charger.connectorKw.map((maxPowerKw) => ({ maxPowerKw, currentType: 'DC' as const })),
        meterIntervalSeconds: link.meterIntervalSeconds,
        vendor: 'Apron',
        model: charger.protocol === 'ocpp1.6' ? 'DemoDC-16' : 'DemoDC-201',
      }),
  );
}

/** Connects and boots every charger; rejects naming the chargers that were not accepted. */
export async function startChargers(chargePoints: VirtualChargePoint[]): Promise<void> {
  await Promise.all(chargePoints.map((cp) => cp.start()));
  const refused = chargePoints.filter((cp) => cp.registration !== 'Accepted').map((cp) => cp.identity);
  if (refused.length > 0) throw new Error(`chargers not accepted by the service: ${refused.join(', ')}`);
}

export async function stopChargers(chargePoints: VirtualChargePoint[]): Promise<void> {
  await Promise.all(chargePoints.map((cp) => cp.stop().catch(() => undefined)));
}
