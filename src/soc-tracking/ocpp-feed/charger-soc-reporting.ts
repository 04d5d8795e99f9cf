import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { CHARGER_COMMANDS, ChargerCommands, CommandOutcome } from '../../ocpp/commands/charger-commands';
import { SOC_TRACKING_OPTIONS, SocTrackingOptions } from '../common/soc-tracking-options';

/** Asks a booted charger to report SoC in its meter values (issue 5); a refusal is logged, never retried in a loop. */
@Injectable()
export class ChargerSocReporting {
  private readonly logger = new Logger(ChargerSocReporting.name);

  constructor(
    @Inject(SOC_TRACKING_OPTIONS) private readonly options: SocTrackingOptions,
    @Optional() @Inject(CHARGER_COMMANDS) private readonly commands?: ChargerCommands,
  ) {}

  async configure(chargePointId: string): Promise<CommandOutcome | null> {
    if (!this.commands) {
      this.logger.warn(`no OCPP commands available: ${chargePointId} keeps its meter value settings`);
      return null;
    }
    if (this.commands.ocppVersion(chargePointId) === undefined) return null;
    const outcome = await this.commands.enableSocMeterValues(chargePointId, this.options.meterSampleIntervalSeconds);
    if (!outcome.accepted) {
      this.logger.warn(`${chargePointId} did not take the SoC meter settings: ${outcome.status}`);
    }
    return outcome;
  }
}
