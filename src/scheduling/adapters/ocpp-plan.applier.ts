import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ElectricalSupply } from '@apron/ocpp-model';
import { Subscription } from 'rxjs';
import { CHARGER_COMMANDS, ChargerCommands } from '../../ocpp/commands/charger-commands';
import { OcppEventBus } from '../../ocpp/events/ocpp-event-bus';
import { PlanChoice } from '../plan-choice';
import { ApplySummary, ApplyTarget, PlanApplier } from '../plan-applier.port';
import { PLAN_STACK_LEVEL, ProfileCommand, profileCommands, stationCapCommand } from '../profile-commands';
import { SCHEDULING_OPTIONS, SchedulingOptions } from '../scheduling-options';
import { UncontrolledCharger } from '../uncontrolled-load';
import { ControlRefusals, refusalReason } from './control-refusals';
import { SafeDefaultOnBoot } from './safe-default-on-boot';
import { SentProfiles } from './sent-profiles';

const LOOKAHEAD_MINUTES = 120;

type SendResult = { sent: true } | { sent: false; refusal?: string; problem: string };

/**
 * Sends the applied plan as charging profiles. Profiles expire after `maxKeepMinutes` (validTo), so a
 * charger that loses Apron drops back to the safe default set at boot; an unchanged profile is sent again
 * only when half its validity has passed, or after the charger booted or reconnected (it may have lost them).
 * A charger that refuses a profile (Rejected, or a CALLERROR) gets no more this tick and is left out of the next
 * plans; when its retry is due it is asked to take a station cap at the power the plan counts it at (issue 15).
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
    private readonly refusals: ControlRefusals,
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
    const summary: ApplySummary = { profilesSent: 0, profilesUnchanged: 0, notes: [...planned.notes] };
    const byCharger = new Map<string, ProfileCommand[]>();
    for (const command of planned.commands) {
      // A kept plan may still count on a charger that refused since: it gets nothing until its retry.
      if (this.refusals.refusalOf(command.chargePointId)) continue;
      byCharger.set(command.chargePointId, [...(byCharger.get(command.chargePointId) ?? []), command]);
    }
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
      ...target.uncontrolled
        .filter((uncontrolled) => this.refusals.isRetryDue(uncontrolled.chargePointId, now))
        .map((uncontrolled) => {
          const charger = target.chargers.find((candidate) => candidate.chargePointId === uncontrolled.chargePointId);
          return this.retryControl(uncontrolled, charger && supplyOf(charger), now, summary);
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
      if (this.sent.isFresh(command, now.getTime(), validMs / 2)) {
        summary.profilesUnchanged += 1;
        continue;
      }
      const ticket = this.sent.ticket(command.chargePointId);
      const result = await this.send(command, supply, now);
      if (result.sent) {
        this.sent.record(command, now.getTime(), ticket);
        summary.profilesSent += 1;
        continue;
      }
      this.sent.forgetOne(command);
      summary.notes.push(`${keyOf(command)}: ${result.problem}`);
      if (result.refusal !== undefined) {
        this.refusals.refused(command.chargePointId, result.refusal, now);
        summary.notes.push(`${command.chargePointId}: refuses Apron's profiles: none sent until its retry`);
        return;
      }
    }
  }

  /** Asks a charger that refused Apron's profiles to take a station cap again; accepted, the next plan controls it. */
  private async retryControl(
    uncontrolled: UncontrolledCharger,
    supply: ElectricalSupply | undefined,
    now: Date,
    summary: ApplySummary,
  ): Promise<void> {
    const { chargePointId, countedKw } = uncontrolled;
    const result = await this.send(stationCapCommand(chargePointId, countedKw, now, LOOKAHEAD_MINUTES), supply, now);
    if (result.sent) {
      this.refusals.obeyed(chargePointId);
      summary.profilesSent += 1;
      summary.notes.push(`${chargePointId}: takes Apron's profiles again: planned from the next tick`);
    } else if (result.refusal !== undefined) {
      this.refusals.refused(chargePointId, result.refusal, now);
      summary.notes.push(`${chargePointId}: still refuses Apron's profiles (${result.refusal})`);
    } else {
      summary.notes.push(`${chargePointId}: control not retried: ${result.problem}`);
    }
  }

  private async send(command: ProfileCommand, supply: ElectricalSupply | undefined, now: Date): Promise<SendResult> {
    const validMs = this.options.maxKeepMinutes * 60_000;
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
      if (outcome.accepted) return { sent: true };
      return { sent: false, refusal: refusalReason({ outcome }), problem: `charger answered ${outcome.status}` };
    } catch (error) {
      const problem = (error as Error).message;
      this.logger.warn(`${keyOf(command)}: ${problem}`);
      return { sent: false, refusal: refusalReason({ error }), problem };
    }
  }
}

function keyOf(command: ProfileCommand): string {
  return `${command.chargePointId}/${command.evseId}/${command.purpose}`;
}

function supplyOf(charger: ApplyTarget['chargers'][number]): ElectricalSupply {
  return {
    currentType: charger.currentType,
    phases: charger.phases ?? undefined,
    nominalVoltageV: charger.voltageV ?? undefined,
  };
}
