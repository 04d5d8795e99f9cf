import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../database/column-transformers';
import { Site } from '../../sites/site.entity';
import type { StandKind } from '@apron/flights';

/** One stand of an airport site (§8 `PUT stands`): only flights at remote stands need buses. */
@Entity('stands')
export class Stand {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_stands' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siteId', foreignKeyConstraintName: 'FK_stands_site' })
  site?: Site;

  /** The airport's stand name, e.g. R201. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_stands' })
  standId!: string;

  @Column({ type: 'text' })
  kind!: StandKind;

  @Column({ type: 'integer' })
  busMinutesOneWay!: number;

  @Column({ type: 'numeric', transformer: numericTransformer })
  distanceKmOneWay!: number;
}
