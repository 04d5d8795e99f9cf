import { Injectable } from '@nestjs/common';
import { map201, OcppEvent, V201NotifyEVChargingNeedsRequest } from '@apron/ocpp-model';
import { firstEvent, OcppCallContext, OcppHandlerBlock } from '../gateway/ocpp-handler';
import { ChargerEventsRepository } from '../persistence/charger-events.repository';
import { SessionsService } from '../sessions/sessions.service';

/** 2.0.1 smart charging reports from the station (K11–K17). */
@Injectable()
export class SmartChargingHandlers implements OcppHandlerBlock {
  constructor(
    private readonly sessions: SessionsService,
    private readonly chargerEvents: ChargerEventsRepository,
  ) {}

  handlers() {
    const report = (action: string) => (context: OcppCallContext, request: Record<string, unknown>) =>
      this.report(context, action, request);
    return {
      '2.0.1': {
        NotifyEVChargingNeeds: (context: OcppCallContext, request: V201NotifyEVChargingNeedsRequest) =>
          this.chargingNeeds(context, request),
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

  private async report(context: OcppCallContext, action: string, request: Record<string, unknown>) {
    const events: OcppEvent[] = map201(action, request);
    await this.chargerEvents.insert(context.connection.chargePointId, action, context.receivedAt, request);
    for (const event of events) this.sessions.publish(context, event);
    return {};
  }
}
