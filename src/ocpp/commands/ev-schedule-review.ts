import { Injectable, Logger } from '@nestjs/common';
import {
  evScheduleExcess,
  EvScheduleExcess,
  NeutralChargingProfile,
  scheduleFromV201,
  V201NotifyEVChargingScheduleRequest,
} from '@apron/ocpp-model';
import { SessionsRepository } from '../persistence/sessions.repository';
import { OcppCommandsService } from './ocpp-commands.service';
import { ProfileLedger } from './profile-ledger';

export interface EvScheduleVerdict {
  status: 'Accepted' | 'Rejected';
  excess: EvScheduleExcess | null;
  /** The TxProfile granted on the EVSE: sent again to renegotiate after a Rejected (K16, K17.FR.13). */
  granted: NeutralChargingProfile | null;
}

/** K17: the schedule an EV chose, checked against the profiles this instance granted on that EVSE. */
@Injectable()
export class EvScheduleReview {
  private readonly logger = new Logger('OcppEvSchedule');

  constructor(
    private readonly ledger: ProfileLedger,
    private readonly commands: OcppCommandsService,
    private readonly sessions: SessionsRepository,
  ) {}

  async review(
    chargePointId: string,
    request: V201NotifyEVChargingScheduleRequest,
    now: Date,
  ): Promise<EvScheduleVerdict> {
    const session = await this.sessions.findOpenOnEvse(chargePointId, request.evseId);
    const transaction = session ? { id: session.transactionId, startedAt: session.startedAt ?? now } : undefined;
    const granted = this.ledger.granted(chargePointId, now);
    const supply = await this.commands.electricalSupply(chargePointId).catch(() => undefined);
    const excess = evScheduleExcess(
      scheduleFromV201(request.chargingSchedule),
      new Date(request.timeBase),
      request.evseId,
      granted,
      { supply, transaction },
    );
    const txProfile = granted.find(
      (profile) =>
        profile.purpose === 'Tx' &&
        profile.evseId === request.evseId &&
        (!transaction || profile.transactionId === transaction.id),
    );
    return { status: excess ? 'Rejected' : 'Accepted', excess, granted: txProfile ?? null };
  }

  /** K17.FR.13: the station renegotiates with the EV when it receives a TxProfile (K16); same id replaces (K01.FR.05). */
  async renegotiate(chargePointId: string, verdict: EvScheduleVerdict): Promise<void> {
    if (!verdict.granted) return;
    try {
      const outcome = await this.commands.setChargingProfile(chargePointId, verdict.granted);
      if (!outcome.accepted) this.logger.warn(`${chargePointId}: renegotiation refused (${outcome.status})`);
    } catch (error) {
      this.logger.warn(`${chargePointId}: renegotiation failed: ${(error as Error).message}`);
    }
  }
}
