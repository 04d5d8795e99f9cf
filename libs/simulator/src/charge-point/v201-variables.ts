/** 2.0.1 GetVariables / SetVariables (B06, B05) over the charge point's settings, for the components we model. */
import {
  V201GetVariablesRequest,
  V201GetVariablesResponse,
  V201SetVariablesRequest,
  V201SetVariablesResponse,
} from '@apron/ocpp-model';
import { ChargePointSettings } from './charge-point-settings';

interface VariableDef {
  get(s: ChargePointSettings): string;
  set?(s: ChargePointSettings, value: string): boolean;
}

const measurands: VariableDef = {
  get: (s) => s.measurands.join(','),
  set: (s, value) => {
    const parsed = ChargePointSettings.parseMeasurands(value);
    if (!parsed) return false;
    s.measurands = parsed;
    return true;
  },
};

const VARIABLES: Record<string, Record<string, VariableDef>> = {
  SampledDataCtrlr: {
    TxUpdatedMeasurands: measurands,
    TxUpdatedInterval: {
      get: (s) => String(s.meterIntervalSeconds),
      set: (s, value) => {
        const n = ChargePointSettings.parseSeconds(value);
        if (n === undefined) return false;
        s.meterIntervalSeconds = n;
        return true;
      },
    },
  },
  OCPPCommCtrlr: {
    HeartbeatInterval: {
      get: (s) => String(s.heartbeatIntervalSeconds),
      set: (s, value) => {
        const n = ChargePointSettings.parseSeconds(value);
        if (n === undefined) return false;
        s.heartbeatIntervalSeconds = n;
        return true;
      },
    },
  },
  SmartChargingCtrlr: {
    Enabled: { get: () => 'true' },
    ChargingScheduleChargingRateUnit: { get: (s) => s.supportedRateUnits.join(',') },
    PeriodsPerSchedule: { get: (s) => String(s.maxPeriods) },
    ProfileStackLevel: { get: (s) => String(s.maxStackLevel) },
    EntriesChargingProfiles: { get: (s) => String(s.maxProfiles) },
  },
  AuthCtrlr: {
    AuthorizeRemoteStart: {
      get: (s) => String(s.authorizeRemoteStart),
      set: (s, value) => {
        if (value !== 'true' && value !== 'false') return false;
        s.authorizeRemoteStart = value === 'true';
        return true;
      },
    },
  },
};

function lookup(component: string, variable: string): VariableDef | 'UnknownComponent' | 'UnknownVariable' {
  const vars = VARIABLES[component];
  if (!vars) return 'UnknownComponent';
  return vars[variable] ?? 'UnknownVariable';
}

export function getVariables(settings: ChargePointSettings, req: V201GetVariablesRequest): V201GetVariablesResponse {
  return {
    getVariableResult: req.getVariableData.map((d) => {
      const def = lookup(d.component.name, d.variable.name);
      const base = { component: d.component, variable: d.variable, attributeType: d.attributeType };
      if (typeof def === 'string') return { ...base, attributeStatus: def };
      if ((d.attributeType ?? 'Actual') !== 'Actual') return { ...base, attributeStatus: 'NotSupportedAttributeType' };
      return { ...base, attributeStatus: 'Accepted', attributeValue: def.get(settings) };
    }),
  };
}

export function setVariables(settings: ChargePointSettings, req: V201SetVariablesRequest): V201SetVariablesResponse {
  return {
    setVariableResult: req.setVariableData.map((d) => {
      const def = lookup(d.component.name, d.variable.name);
      const base = { component: d.component, variable: d.variable, attributeType: d.attributeType };
      if (typeof def === 'string') return { ...base, attributeStatus: def };
      if ((d.attributeType ?? 'Actual') !== 'Actual') return { ...base, attributeStatus: 'NotSupportedAttributeType' };
      if (!def.set || !def.set(settings, d.attributeValue)) return { ...base, attributeStatus: 'Rejected' };
      return { ...base, attributeStatus: 'Accepted' };
    }),
  };
}
