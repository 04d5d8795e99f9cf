import { SOC_MEASURANDS, socMeterSettings } from './soc-meter-configuration';

describe('socMeterSettings', () => {
  it('1.6: MeterValuesSampledData with SoC and the sample interval', () => {
    expect(SOC_MEASURANDS.split(',')).toContain('SoC');
    expect(socMeterSettings('1.6', 60)).toEqual([
      { key: 'MeterValuesSampledData', value: SOC_MEASURANDS },
      { key: 'MeterValueSampleInterval', value: '60' },
    ]);
  });

  it('2.0.1: SampledDataCtrlr measurands and interval', () => {
    expect(socMeterSettings('2.0.1', 30)).toEqual([
      { component: 'SampledDataCtrlr', key: 'TxUpdatedMeasurands', value: SOC_MEASURANDS },
      { component: 'SampledDataCtrlr', key: 'TxUpdatedInterval', value: '30' },
    ]);
  });

  it('nothing for an unknown version', () => expect(socMeterSettings(undefined, 60)).toEqual([]));
});
