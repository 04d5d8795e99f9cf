import { OcppVersion } from '@apron/ocpp-model';
import { ConfigurationKey, ConfigurationSetting } from './charger-commands';

type Call = [action: string, payload: object];

const component = (setting: ConfigurationKey) => {
  if (!setting.component) throw new Error(`OCPP 2.0.1 needs the component of variable ${setting.key}`);
  return setting.evseId === undefined
    ? { name: setting.component }
    : { name: setting.component, evse: { id: setting.evseId } };
};

/** 1.6: one ChangeConfiguration per key (§5.3); 2.0.1: one SetVariables for all (B05). */
export function configurationCalls(version: OcppVersion, settings: ConfigurationSetting[]): Call[] {
  if (settings.length === 0) throw new Error('no settings given');
  if (version === '1.6') return settings.map((s) => ['ChangeConfiguration', { key: s.key, value: s.value }]);
  return [
    [
      'SetVariables',
      {
        setVariableData: settings.map((s) => ({
          attributeValue: s.value,
          component: component(s),
          variable: { name: s.key },
        })),
      },
    ],
  ];
}

/** 1.6 GetConfiguration (all keys when none are given); 2.0.1 GetVariables (B06, needs at least one). */
export function configurationReads(version: OcppVersion, keys: ConfigurationKey[]): Call {
  if (version === '1.6') return ['GetConfiguration', keys.length > 0 ? { key: keys.map((k) => k.key) } : {}];
  if (keys.length === 0) throw new Error('OCPP 2.0.1 GetVariables needs at least one component/variable');
  return [
    'GetVariables',
    { getVariableData: keys.map((k) => ({ component: component(k), variable: { name: k.key } })) },
  ];
}

const MEASURANDS = 'Energy.Active.Import.Register,Power.Active.Import,SoC';

/**
 * Periodic meter values with energy, power and SoC, every `intervalSeconds` when given: 1.6 MeterValuesSampledData and
 * MeterValueSampleInterval (§9.1); 2.0.1 SampledDataCtrlr TxUpdatedMeasurands, TxStartedMeasurands, TxUpdatedInterval
 * (J02).
 */
export function socMeterValueSettings(version: OcppVersion, intervalSeconds?: number): ConfigurationSetting[] {
  const interval = intervalSeconds === undefined ? undefined : String(Math.round(intervalSeconds));
  if (version === '1.6') {
    return [
      { key: 'MeterValuesSampledData', value: MEASURANDS },
      ...(interval === undefined ? [] : [{ key: 'MeterValueSampleInterval', value: interval }]),
    ];
  }
  return [
    { component: 'SampledDataCtrlr', key: 'TxUpdatedMeasurands', value: MEASURANDS },
    { component: 'SampledDataCtrlr', key: 'TxStartedMeasurands', value: 'Energy.Active.Import.Register,SoC' },
    ...(interval === undefined ? [] : [{ component: 'SampledDataCtrlr', key: 'TxUpdatedInterval', value: interval }]),
  ];
}
