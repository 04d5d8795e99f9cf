/** 1.6 GetConfiguration / ChangeConfiguration (§5.8, §5.3, §9) over the charge point's settings. */
import { V16ChangeConfigurationResponse, V16GetConfigurationResponse, V16KeyValue } from '@apron/ocpp-model';
import { ChargePointSettings } from './charge-point-settings';

interface KeyDef {
  get(s: ChargePointSettings): string;
  /** Returns false when the value is not acceptable; absent for read-only keys. */
  set?(s: ChargePointSettings, value: string): boolean;
}

const seconds =
  (field: 'heartbeatIntervalSeconds' | 'meterIntervalSeconds'): KeyDef['set'] =>
  (s, value) => {
    const n = ChargePointSettings.parseSeconds(value);
    if (n === undefined) return false;
    s[field] = n;
    return true;
  };

const RATE_UNIT_NAMES = { A: 'Current', W: 'Power' } as const;

export function v16Keys(connectorCount: number): Record<string, KeyDef> {
  return {
    HeartbeatInterval: { get: (s) => String(s.heartbeatIntervalSeconds), set: seconds('heartbeatIntervalSeconds') },
    MeterValueSampleInterval: { get: (s) => String(s.meterIntervalSeconds), set: seconds('meterIntervalSeconds') },
    MeterValuesSampledData: {
      get: (s) => s.measurands.join(','),
      set: (s, value) => {
        const parsed = ChargePointSettings.parseMeasurands(value);
        if (!parsed) return false;
        s.measurands = parsed;
        return true;
      },
    },
    AuthorizeRemoteTxRequests: {
      get: (s) => String(s.authorizeRemoteStart),
      set: (s, value) => {
        if (value !== 'true' && value !== 'false') return false;
        s.authorizeRemoteStart = value === 'true';
        return true;
      },
    },
    NumberOfConnectors: { get: () => String(connectorCount) },
    // §3.13.5: the smart charging capability keys a smart charging Charge Point must report.
    ChargeProfileMaxStackLevel: { get: (s) => String(s.maxStackLevel) },
    ChargingScheduleAllowedChargingRateUnit: {
      get: (s) => s.supportedRateUnits.map((u) => RATE_UNIT_NAMES[u]).join(','),
    },
    ChargingScheduleMaxPeriods: { get: (s) => String(s.maxPeriods) },
    MaxChargingProfilesInstalled: { get: (s) => String(s.maxProfiles) },
  };
}

export function getConfiguration(
  settings: ChargePointSettings,
  connectorCount: number,
  keys?: string[],
): V16GetConfigurationResponse {
  const defs = v16Keys(connectorCount);
  const wanted = keys && keys.length > 0 ? keys : Object.keys(defs);
  const configurationKey: V16KeyValue[] = [];
  const unknownKey: string[] = [];
  for (const key of wanted) {
    const def = defs[key];
    if (def) configurationKey.push({ key, readonly: !def.set, value: def.get(settings) });
    else unknownKey.push(key);
  }
  return unknownKey.length > 0 ? { configurationKey, unknownKey } : { configurationKey };
}

export function changeConfiguration(
  settings: ChargePointSettings,
  connectorCount: number,
  key: string,
  value: string,
): V16ChangeConfigurationResponse {
  const def = v16Keys(connectorCount)[key];
  if (!def) return { status: 'NotSupported' };
  if (!def.set) return { status: 'Rejected' };
  return { status: def.set(settings, value) ? 'Accepted' : 'Rejected' };
}
