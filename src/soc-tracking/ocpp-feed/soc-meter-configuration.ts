import { ConfigurationSetting } from '../../ocpp/commands/charger-commands';

/** Measurands a fleet charger should sample during transactions: energy for the estimator, power, and the EV's SoC. */
export const SOC_MEASURANDS = 'Energy.Active.Import.Register,Power.Active.Import,SoC';

/**
 * Settings that make a charger's transaction meter values carry SoC every `intervalSeconds`:
 * 1.6 MeterValuesSampledData + MeterValueSampleInterval (§9.1); 2.0.1 SampledDataCtrlr TxUpdatedMeasurands +
 * TxUpdatedInterval (J02). Empty for a version it does not know.
 */
export function socMeterSettings(ocppVersion: string | undefined, intervalSeconds: number): ConfigurationSetting[] {
  const interval = String(Math.round(intervalSeconds));
  if (ocppVersion === '1.6') {
    return [
      { key: 'MeterValuesSampledData', value: SOC_MEASURANDS },
      { key: 'MeterValueSampleInterval', value: interval },
    ];
  }
  if (ocppVersion === '2.0.1') {
    return [
      { component: 'SampledDataCtrlr', key: 'TxUpdatedMeasurands', value: SOC_MEASURANDS },
      { component: 'SampledDataCtrlr', key: 'TxUpdatedInterval', value: interval },
    ];
  }
  return [];
}
