/** Version-neutral settings of the virtual charge point, exposed as 1.6 keys and 2.0.1 variables elsewhere. */
import { ChargingRateUnit } from '@apron/ocpp-model';

export const SUPPORTED_MEASURANDS = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Power.Offered',
  'SoC',
  'Current.Import',
  'Current.Offered',
  'Voltage',
] as const;

export type Measurand = (typeof SUPPORTED_MEASURANDS)[number];

export class ChargePointSettings {
  heartbeatIntervalSeconds = 300;
  meterIntervalSeconds = 60;
  measurands: Measurand[] = ['Energy.Active.Import.Register', 'Power.Active.Import', 'SoC'];
  supportedRateUnits: ChargingRateUnit[] = ['A', 'W'];
  maxStackLevel = 8;
  maxPeriods = 48;
  maxProfiles = 16;
  /** 1.6 AuthorizeRemoteTxRequests / 2.0.1 AuthCtrlr.AuthorizeRemoteStart. */
  authorizeRemoteStart = false;

  /** Parses a comma-separated measurand list; undefined when any entry is unsupported. */
  static parseMeasurands(csv: string): Measurand[] | undefined {
    const items = csv
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const known = new Set<string>(SUPPORTED_MEASURANDS);
    return items.every((m) => known.has(m)) ? (items as Measurand[]) : undefined;
  }

  static parseSeconds(text: string): number | undefined {
    const n = Number(text);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  }
}
