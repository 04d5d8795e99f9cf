import { Injectable } from '@nestjs/common';
import {
  map201,
  OcppEvent,
  V201NotifyEVChargingNeedsRequest,
  V201NotifyEVChargingScheduleRequest,
} from '@apron/ocpp-model';
import { EvScheduleReview } from '../commands/ev-schedule-review';
import { firstEvent, OcppCallContext, OcppHandlerBlock } from '../gateway/ocpp-handler';
import { ChargerEventsRepository } from '../persistence/charger-events.repository';
import { SessionsService } from '../sessions/sessions.service';

/** 2.0.1 smart charging reports from the station (K11–K17). */
@Injectable()
export class SmartChargingHandlers implements OcppHandlerBlock {
  constructor(
    private readonly sessions: SessionsService,
    private readonly chargerEvents: ChargerEventsRepository,
    private readonly evSchedules: EvScheduleReview,
  ) {}

  handlers() {
    const report = (action: string) => (context: OcppCallContext, request: Record<string, unknown>) =>
      this.report(context, action, request);
    return {
      '2.0.1': {
        NotifyEVChargingNeeds: (context: OcppCallContext, request: V201NotifyEVChargingNeedsRequest) =>
          this.chargingNeeds(context, request),
        NotifyEVChargingSchedule: (context: OcppCallContext, request: V201NotifyEVChargingScheduleRequest) =>
          this.evSchedule(context, request),
        // K12 / K13: an external limit set or released; the scheduler reads them as events.
        NotifyChargingLimit: report('NotifyChargingLimit'),
        ClearedChargingLimit: report('ClearedChargingLimit'),
        // K09: the answer to GetChargingProfiles, possibly in several parts (tbc).
        ReportChargingProfiles: report('ReportChargingProfiles'),
      },
    };
  }

  /**
   * K15/K17: departure time and energy go onto the open session of that EVSE (highway sites plan with them). Answered
   * Accepted (K15.FR.03): the scheduler sends the TxProfile from its next tick (K15.FR.07, SHOULD within 60 s, K15.FR.08).
   */
  private async chargingNeeds(context: OcppCallContext, request: V201NotifyEVChargingNeedsRequest) {
    const needs = firstEvent(map201('NotifyEVChargingNeeds', request), 'ev.chargingNeeds');
    const session = await this.sessions.repo.findOpenOnEvse(context.connection.chargePointId, request.evseId);
    if (needs && session) {
      await this.sessions.repo.update(session.id, {
        evDepartureAt: needs.departureTime ?? null,
        evEnergyAmountWh: needs.energyAmountWh ?? null,
        evChargingNeeds: request.chargingNeeds as unknown as Record<string, unknown>,
      });
    }
    await this.chargerEvents.insert(context.connection.chargePointId, 'ev.chargingNeeds', context.receivedAt, {
      ...request,
      sessionId: session?.id ?? null,
    });
    if (needs) this.sessions.publish(context, needs, session ?? undefined);
    return { status: 'Accepted' };
  }

  /** K17.FR.11/12: Accepted when the EV's schedule stays within what Apron granted on the EVSE, else Rejected. */
  private async evSchedule(context: OcppCallContext, request: V201NotifyEVChargingScheduleRequest) {
    const { chargePointId } = context.connection;
    const verdict = await this.evSchedules.review(chargePointId, request, context.receivedAt);
    await this.chargerEvents.insert(chargePointId, 'ev.chargingSchedule', context.receivedAt, {
      ...request,
      status: verdict.status,
      excess: verdict.excess,
    });
    // K17.FR.13: renegotiate (K16) once the station has the answer: send the granted TxProfile again.
    if (verdict.status === 'Rejected') setTimeout(() => void this.evSchedules.renegotiate(chargePointId, verdict), 0);
    return { status: verdict.status };
  }

  private async report(context: OcppCallContext, action: string, request: Record<string, unknown>) {
    const events: OcppEvent[] = map201(action, request);
    await this.chargerEvents.insert(context.connection.chargePointId, action, context.receivedAt, request);
    for (const event of events) this.sessions.publish(context, event);
    return {};
  }
}
