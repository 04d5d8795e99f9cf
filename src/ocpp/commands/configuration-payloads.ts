import { OcppVersion } from '@apron/ocpp-model';
import { ConfigurationKey, ConfigurationSetting } from './charger-commands';

type Call = [action: string, payload: object];

const component = (setting: ConfigurationKey) => {
  if (!setting.component) throw new Error(`OCPP 2.0.1 needs the component of variable ${setting.key}`);
  return {
    name: setting.component,
    ...(setting.componentInstance === undefined ? {} : { instance: setting.componentInstance }),
    ...(setting.evseId === undefined ? {} : { evse: { id: setting.evseId } }),
  };
};

const variable = (setting: ConfigurationKey) =>
  setting.instance === undefined ? { name: setting.key } : { name: setting.key, instance: setting.instance };

/** `items` in runs of at most `size` (all in one when the size is unknown). */
function chunks<T>(items: T[], size: number | undefined): T[][] {
  if (!size || size < 1 || items.length <= size) return [items];
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

/**
 * 1.6: one ChangeConfiguration per key (§5.3); 2.0.1: SetVariables (B05), no more than the station's
 * `DeviceDataCtrlr.ItemsPerMessage[SetVariables]` in one message (B05.FR.11).
 */
export function configurationCalls(
  version: OcppVersion,
  settings: ConfigurationSetting[],
  itemsPerMessage?: number,
): Call[] {
  if (settings.length === 0) throw new Error('no settings given');
  if (version === '1.6') return settings.map((s) => ['ChangeConfiguration', { key: s.key, value: s.value }]);
  return chunks(settings, itemsPerMessage).map((run) => [
    'SetVariables',
    {
      setVariableData: run.map((s) => ({ attributeValue: s.value, component: component(s), variable: variable(s) })),
    },
  ]);
}

/**
 * 1.6 GetConfiguration (all keys when none are given); 2.0.1 GetVariables (B06, needs at least one), no more than
 * the station's `DeviceDataCtrlr.ItemsPerMessage[GetVariables]` in one message (B06.FR.05; a longer one may get
 * OccurrenceConstraintViolation, B06.FR.16).
 */
export function configurationReads(version: OcppVersion, keys: ConfigurationKey[], itemsPerMessage?: number): Call[] {
  if (version === '1.6') return [['GetConfiguration', keys.length > 0 ? { key: keys.map((k) => k.key) } : {}]];
  if (keys.length === 0) throw new Error('OCPP 2.0.1 GetVariables needs at least one component/variable');
  return chunks(keys, itemsPerMessage).map((run) => [
    'GetVariables',
    { getVariableData: run.map((k) => ({ component: component(k), variable: variable(k) })) },
  ]);
}

/** The device-model variable that says how many items a station takes in one Get/SetVariables. */
export function itemsPerMessageKey(action: 'GetVariables' | 'SetVariables'): ConfigurationKey {
  return { component: 'DeviceDataCtrlr', key: 'ItemsPerMessage', instance: action };
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
