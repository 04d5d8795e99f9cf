import { ChargerCommands, CommandOutcome } from '../../ocpp/commands/charger-commands';
import { DEFAULT_SOC_TRACKING_OPTIONS } from '../common/soc-tracking-options';
import { ChargerSocReporting } from './charger-soc-reporting';

const accepted: CommandOutcome = { accepted: true, status: 'Accepted', response: {} };

function fakeCommands(version: '1.6' | '2.0.1' | undefined) {
  const enableSocMeterValues = jest.fn().mockResolvedValue(accepted);
  const commands = { ocppVersion: () => version, enableSocMeterValues } as unknown as ChargerCommands;
  return { commands, enableSocMeterValues };
}

describe('ChargerSocReporting', () => {
  const options = { ...DEFAULT_SOC_TRACKING_OPTIONS, meterSampleIntervalSeconds: 30 };

  it('asks the gateway for SoC meter values at the configured interval', async () => {
    const { commands, enableSocMeterValues } = fakeCommands('1.6');
    await expect(new ChargerSocReporting(options, commands).configure('CP-1')).resolves.toBe(accepted);
    expect(enableSocMeterValues).toHaveBeenCalledWith('CP-1', 30);
  });

  it('sends nothing for a charger of unknown version, or without commands', async () => {
    const { commands, enableSocMeterValues } = fakeCommands(undefined);
    await expect(new ChargerSocReporting(options, commands).configure('CP-1')).resolves.toBeNull();
    expect(enableSocMeterValues).not.toHaveBeenCalled();
    await expect(new ChargerSocReporting(options).configure('CP-1')).resolves.toBeNull();
  });
});
