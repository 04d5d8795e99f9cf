import { configurationCalls, configurationReads, socMeterValueSettings } from './configuration-payloads';

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

describe('2.0.1 Get/SetVariables payloads', () => {
  const keys = ['A', 'B', 'C'].map((key) => ({ component: 'OCPPCommCtrlr', key }));

  it('B06.FR.05 / B05.FR.11: no more items in one message than the station takes', () => {
    const reads = configurationReads('2.0.1', keys, 2);
    expect(reads.map(([, payload]) => (payload as { getVariableData: unknown[] }).getVariableData.length)).toEqual([
      2, 1,
    ]);
    const writes = configurationCalls(
      '2.0.1',
      keys.map((k) => ({ ...k, value: '1' })),
      1,
    );
    expect(writes).toHaveLength(3);
    expect(configurationReads('2.0.1', keys)).toHaveLength(1);
  });

  it('carries the variable and component instance when given', () => {
    const [[, payload]] = configurationReads('2.0.1', [
      { component: 'DeviceDataCtrlr', key: 'ItemsPerMessage', instance: 'GetVariables' },
      { component: 'EVSE', componentInstance: 'left', evseId: 1, key: 'Power' },
    ]);
    expect(payload).toEqual({
      getVariableData: [
        { component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'GetVariables' } },
        { component: { name: 'EVSE', instance: 'left', evse: { id: 1 } }, variable: { name: 'Power' } },
      ],
    });
  });
});
