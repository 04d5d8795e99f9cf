import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { numericTransformer } from '../database/column-transformers';
import { Site } from '../sites/site.entity';
import { Connector } from './connector.entity';

export type CurrentType = 'AC' | 'DC';

@Entity('chargers')
export class Charger {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The identity the charger connects with: ws://HOST:PORT/ocpp/{chargePointId}. */
  @Column({ type: 'text', unique: true })
  chargePointId!: string;

  @Index('IDX_chargers_siteId')
  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'siteId', foreignKeyConstraintName: 'FK_chargers_site' })
  site?: Site;

  @Column({ type: 'text' })
  currentType!: CurrentType;

  /** AC only: 1 or 3 phases, nominal phase-to-neutral voltage. */
  @Column({ type: 'integer', nullable: true })
  phases!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  voltageV!: number | null;

  @Column({ type: 'numeric', transformer: numericTransformer })
  maxKw!: number;

  /** scrypt hash of the OCPP basic-auth password (security profiles 1 and 2); never returned. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @OneToMany(() => Connector, (connector) => connector.charger, { cascade: true })
  connectors!: Connector[];

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
