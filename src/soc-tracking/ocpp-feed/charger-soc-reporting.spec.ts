import { ChargerCommands, CommandOutcome } from '../../ocpp/commands/charger-commands';
import { DEFAULT_SOC_TRACKING_OPTIONS } from '../common/soc-tracking-options';
import { ChargerSocReporting } from './charger-soc-reporting';

const accepted: CommandOutcome = { accepted: true, status: 'Accepted', response: {} };

function fakeCommands(version: '1.6' | '2.0.1' | undefined) {
  const setConfiguration = jest.fn().mockResolvedValue(accepted);
  const commands = { ocppVersion: () => version, setConfiguration } as unknown as ChargerCommands;
  return { commands, setConfiguration };
}

describe('ChargerSocReporting', () => {
  const options = { ...DEFAULT_SOC_TRACKING_OPTIONS, meterSampleIntervalSeconds: 30 };

  it('sends the 1.6 keys through the gateway commands', async () => {
    const { commands, setConfiguration } = fakeCommands('1.6');
    await expect(new ChargerSocReporting(options, commands).configure('CP-1')).resolves.toBe(accepted);
    expect(setConfiguration).toHaveBeenCalledWith('CP-1', [
      { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register,Power.Active.Import,SoC' },
      { key: 'MeterValueSampleInterval', value: '30' },
    ]);
  });

  it('sends nothing for a charger of unknown version, or without commands', async () => {
    const { commands, setConfiguration } = fakeCommands(undefined);
    await expect(new ChargerSocReporting(options, commands).configure('CP-1')).resolves.toBeNull();
    expect(setConfiguration).not.toHaveBeenCalled();
    await expect(new ChargerSocReporting(options).configure('CP-1')).resolves.toBeNull();
  });
});
