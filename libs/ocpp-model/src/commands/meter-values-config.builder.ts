/**
 * Requests that make a charger report energy, power and SoC at a given interval (DESIGN §6: enable SoC meter
 * values). 1.6: ChangeConfiguration keys of §9.1 (one request per key); 2.0.1: SampledDataCtrlr variables (J02).
 */
import { V16ChangeConfigurationRequest } from '../v16/v16-central-system.messages';
import { V201SetVariablesRequest } from '../v201/v201-csms.messages';

export const DEFAULT_MEASURANDS = ['Energy.Active.Import.Register', 'Power.Active.Import', 'SoC'];

export function v16MeterValueConfiguration(
  intervalSeconds: number,
  measurands: string[] = DEFAULT_MEASURANDS,
): V16ChangeConfigurationRequest[] {
  return [
    { key: 'MeterValuesSampledData', value: measurands.join(',') },
    { key: 'MeterValueSampleInterval', value: String(Math.round(intervalSeconds)) },
  ];
}

export function v201MeterValueVariables(
  intervalSeconds: number,
  measurands: string[] = DEFAULT_MEASURANDS,
): V201SetVariablesRequest {
  const component = { name: 'SampledDataCtrlr' };
  return {
    setVariableData: [
      { component, variable: { name: 'TxUpdatedMeasurands' }, attributeValue: measurands.join(',') },
      { component, variable: { name: 'TxUpdatedInterval' }, attributeValue: String(Math.round(intervalSeconds)) },
    ],
  };
}
