import { configurationCalls, socMeterValueSettings } from './configuration-payloads';

describe('socMeterValueSettings', () => {
  it('1.6: MeterValuesSampledData with SoC, and the sample interval when given', () => {
    expect(socMeterValueSettings('1.6', 60)).toEqual([
      { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register,Power.Active.Import,SoC' },
      { key: 'MeterValueSampleInterval', value: '60' },
    ]);
    expect(socMeterValueSettings('1.6')).toHaveLength(1);
  });

  it('2.0.1: SampledDataCtrlr measurands and TxUpdatedInterval, in one SetVariables (J02, B05)', () => {
    const settings = socMeterValueSettings('2.0.1', 30);
    expect(settings.find((s) => s.key === 'TxUpdatedMeasurands')?.value.split(',')).toContain('SoC');
    expect(settings.find((s) => s.key === 'TxUpdatedInterval')).toMatchObject({
      component: 'SampledDataCtrlr',
      value: '30',
    });
    expect(configurationCalls('2.0.1', settings)).toHaveLength(1);
  });
});
