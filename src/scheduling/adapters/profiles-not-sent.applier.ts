import { Injectable, Logger } from '@nestjs/common';
import { ApplySummary, PlanApplier } from '../plan-applier.port';

/**
 * The plan applier while no OCPP command channel is wired into scheduling: plans are solved, stored and
 * published to dispatchers, and every run records that no charging profile went out.
 */
@Injectable()
export class ProfilesNotSentApplier implements PlanApplier {
  private readonly logger = new Logger(ProfilesNotSentApplier.name);

  async apply(site: { code: string }): Promise<ApplySummary> {
    const failure = 'charging profiles not sent: no OCPP command channel is wired into scheduling';
    this.logger.warn(`site ${site.code}: ${failure}`);
    return { profilesSent: 0, profilesUnchanged: 0, failures: [failure] };
  }
}
