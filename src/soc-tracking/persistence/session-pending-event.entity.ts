import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SocInputEvent } from '@apron/soc';

/** SoC inputs of a session not (yet) linked to a vehicle, replayed into the estimator when it is linked. */
@Entity('fleet_session_pending_events')
export class SessionPendingEventRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fleet_session_pending_events' })
  sessionId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_fleet_session_pending_events' })
  eventKey!: string;

  @Column({ type: 'jsonb' })
  event!: SocInputEvent;
}
