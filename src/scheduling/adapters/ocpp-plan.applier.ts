import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ElectricalSupply } from '@apron/ocpp-model';
import { Subscription } from 'rxjs';
import { CHARGER_COMMANDS, ChargerCommands } from '../../ocpp/commands/charger-commands';
import { OcppEventBus } from '../../ocpp/events/ocpp-event-bus';
import { PlanChoice } from '../plan-choice';
import { ApplySummary, ApplyTarget, PlanApplier } from '../plan-applier.port';
import { PLAN_STACK_LEVEL, ProfileCommand, profileCommands } from '../profile-commands';
import { SCHEDULING_OPTIONS, SchedulingOptions } from '../scheduling-options';
import { SafeDefaultOnBoot } from './safe-default-on-boot';
import { SentProfiles } from './sent-profiles';

const LOOKAHEAD_MINUTES = 120;

/**
 * Sends the applied plan as charging profiles. Profiles expire after `maxKeepMinutes` (validTo), so a
 * charger that loses Apron drops back to the safe default set at boot; an unchanged profile is sent again
 * only when half its validity has passed, or after the charger booted or reconnected (it may have lost them).
 */
@Injectable()
export class OcppPlanApplier implements PlanApplier, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OcppPlanApplier.name);
  private readonly sent = new SentProfiles();
  private subscription?: Subscription;

  constructor(
    @Inject(CHARGER_COMMANDS) private readonly commands: ChargerCommands,
    private readonly events: OcppEventBus,
    private readonly safeDefaults: SafeDefaultOnBoot,
    @Inject(SCHEDULING_OPTIONS) private readonly options: SchedulingOptions,
  ) {}

  onModuleInit(): void {
    // A rebooted charger may have dropped every profile (1.6 leaves that to the vendor, 2.0.1 K01 keeps only
    // persisted ones), and one that reconnects may have rebooted offline: send its whole plan again.
    this.subscription = this.events.events$.subscribe(({ event, chargePointId }) => {
      if (event.type === 'charger.booted' || event.type === 'charger.connected') this.sent.forget(chargePointId);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async apply(target: ApplyTarget, choice: PlanChoice, now: Date): Promise<ApplySummary> {
    const planned = profileCommands(choice.input, choice.result, target.sessions, now, {
      lookaheadMinutes: LOOKAHEAD_MINUTES,
    });
    const byCharger = new Map<string, ProfileCommand[]>();
    for (const command of planned.commands) {
      byCharger.set(command.chargePointId, [...(byCharger.get(command.chargePointId) ?? []), command]);
    }
    const summary: ApplySummary = { profilesSent: 0, profilesUnchanged: 0, notes: [...planned.notes] };
    // Calls to one charger are serialized by the gateway; chargers are served side by side.
    const connected = new Set(choice.input.chargers.map((charger) => charger.id));
    const [defaults] = await Promise.all([
      this.safeDefaults.refresh(
        target.site,
        target.chargers.filter((charger) => connected.has(charger.chargePointId)),
        target.chargers.length,
      ),
      ...[...byCharger].map(([chargePointId, commands]) => {
        const charger = target.chargers.find((candidate) => candidate.chargePointId === chargePointId);
        return this.sendAll(commands, charger && supplyOf(charger), now, summary);
      }),
    ]);
    summary.profilesSent += defaults.sent;
    summary.notes.push(...defaults.notes);
    return summary;
  }

  private async sendAll(
    commands: ProfileCommand[],
    supply: ElectricalSupply | undefined,
    now: Date,
    summary: ApplySummary,
  ): Promise<void> {
    const validMs = this.options.maxKeepMinutes * 60_000;
    for (const command of commands) {
      const key = `${command.chargePointId}/${command.evseId}/${command.purpose}`;
      if (this.sent.isFresh(command, now.getTime(), validMs / 2)) {
        summary.profilesUnchanged += 1;
        continue;
      }
      const ticket = this.sent.ticket(command.chargePointId);
      try {
        const outcome = await this.commands.setPowerProfile(command.chargePointId, {
          purpose: command.purpose,
          evseId: command.evseId,
          profileId: command.profileId,
          stackLevel: PLAN_STACK_LEVEL,
          slots: command.slots,
          transactionId: command.transactionId,
          validTo: new Date(now.getTime() + validMs),
          supply,
        });
        if (outcome.accepted) {
          this.sent.record(command, now.getTime(), ticket);
          summary.profilesSent += 1;
        } else {
          summary.notes.push(`${key}: charger answered ${outcome.status}`);
        }
      } catch (error) {
        this.sent.forgetOne(command);
        summary.notes.push(`${key}: ${(error as Error).message}`);
        this.logger.warn(`${key}: ${(error as Error).message}`);
      }
    }
  }
}

function supplyOf(charger: ApplyTarget['chargers'][number]): ElectricalSupply {
  return {
    currentType: charger.currentType,
    phases: charger.phases ?? undefined,
    nominalVoltageV: charger.voltageV ?? undefined,
  };
}
