import { sampleFields } from './meter-sample.mapper';

describe('sampleFields', () => {
  it('defaults the measurand to Energy.Active.Import.Register in Wh (1.6 §7.45)', () => {
    expect(sampleFields([{ value: 1234 }])).toEqual({ energyWh: 1234 });
  });

  it('converts kWh and kW to Wh and W', () => {
    expect(
      sampleFields([
        { value: 12.5, measurand: 'Energy.Active.Import.Register', unit: 'kWh' },
        { value: 7.4, measurand: 'Power.Active.Import', unit: 'kW' },
      ]),
    ).toEqual({ energyWh: 12500, powerW: 7400 });
  });

  it('applies the 2.0.1 unitOfMeasure multiplier', () => {
    expect(
      sampleFields([{ value: 15, measurand: 'Energy.Active.Import.Register', unit: 'Wh', multiplier: 3 }]),
    ).toEqual({
      energyWh: 15000,
    });
  });

  it('sums per-phase power, takes the highest phase current and the mean phase voltage', () => {
    const fields = sampleFields([
      { value: 3600, measurand: 'Power.Active.Import', phase: 'L1' },
      { value: 3700, measurand: 'Power.Active.Import', phase: 'L2' },
      { value: 3500, measurand: 'Power.Active.Import', phase: 'L3' },
      { value: 15.6, measurand: 'Current.Import', phase: 'L1', unit: 'A' },
      { value: 16.1, measurand: 'Current.Import', phase: 'L2', unit: 'A' },
      { value: 0.2, measurand: 'Current.Import', phase: 'N', unit: 'A' },
      { value: 229, measurand: 'Voltage', phase: 'L1-N', unit: 'V' },
      { value: 231, measurand: 'Voltage', phase: 'L2-N', unit: 'V' },
    ]);
    expect(fields).toEqual({ powerW: 10800, currentA: 16.1, voltageV: 230 });
  });

  it('prefers the unphased total over phase values', () => {
    const fields = sampleFields([
      { value: 11000, measurand: 'Power.Active.Import' },
      { value: 3600, measurand: 'Power.Active.Import', phase: 'L1' },
    ]);
    expect(fields.powerW).toBe(11000);
  });

  it('reads SoC from the EV location in percent', () => {
    expect(sampleFields([{ value: 67, measurand: 'SoC', unit: 'Percent', location: 'EV' }])).toEqual({
      socPercent: 67,
    });
  });

  it('prefers the outlet meter over the inlet one', () => {
    const fields = sampleFields([
      { value: 5000, location: 'Inlet' },
      { value: 4900, location: 'Outlet' },
    ]);
    expect(fields.energyWh).toBe(4900);
  });
});
