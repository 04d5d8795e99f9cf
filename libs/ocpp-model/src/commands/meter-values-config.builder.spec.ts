import { v16MeterValueConfiguration, v201MeterValueVariables } from './meter-values-config.builder';

const [v16Schemas, v201Schemas] = require('ocpp-rpc/lib/standard-validators');

describe('meter value configuration requests', () => {
  it('builds 1.6 ChangeConfiguration requests for MeterValuesSampledData and MeterValueSampleInterval (§9.1)', () => {
    const reqs = v16MeterValueConfiguration(30);
    reqs.forEach((r) => v16Schemas.validate('urn:ChangeConfiguration.req', r));
    expect(reqs).toEqual([
      { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register,Power.Active.Import,SoC' },
      { key: 'MeterValueSampleInterval', value: '30' },
    ]);
  });

  it('builds a 2.0.1 SetVariables request for SampledDataCtrlr (J02)', () => {
    const req = v201MeterValueVariables(60, ['Energy.Active.Import.Register', 'SoC']);
    v201Schemas.validate('urn:SetVariables.req', req);
    expect(req.setVariableData.map((d) => [d.variable.name, d.attributeValue])).toEqual([
      ['TxUpdatedMeasurands', 'Energy.Active.Import.Register,SoC'],
      ['TxUpdatedInterval', '60'],
    ]);
  });
});
