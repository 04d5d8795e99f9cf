import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../../common/clock';
import { DispatchEvents } from '../events/dispatch-events';
import type { Actor } from '../../auth/actor.decorator';
import { OverrideKind, OverrideRecord } from './override-record.entity';
import { OverridesRepository } from './overrides.repository';

export interface OverrideFacts {
  siteId: string;
  kind: OverrideKind;
  taskId?: string;
  vehicleId?: string;
  details: Record<string, unknown>;
}

/** Writes the audit record of an override that took effect, then tells the live stream. */
@Injectable()
export class OverrideRecorder {
  constructor(
    private readonly repository: OverridesRepository,
    private readonly events: DispatchEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(facts: OverrideFacts, actor: Actor): Promise<OverrideRecord> {
    const record = await this.repository.insert({
      siteId: facts.siteId,
      kind: facts.kind,
      taskId: facts.taskId ?? null,
      vehicleId: facts.vehicleId ?? null,
      details: facts.details,
      apiKeyId: actor.apiKeyId,
      role: actor.role,
      at: this.clock.now(),
    });
    this.events.publish({
      type: 'override',
      siteId: record.siteId,
      overrideId: record.id,
      kind: record.kind,
      taskId: record.taskId,
      vehicleId: record.vehicleId,
      details: record.details,
      by: { apiKeyId: record.apiKeyId, role: record.role },
      at: record.at.toISOString(),
    });
    return record;
  }
}
