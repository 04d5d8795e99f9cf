import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { numericTransformer } from '../database/column-transformers';

/** One plug. `connectorId` is OCPP 1.6's connector id and 2.0.1's EVSE id (one connector per EVSE). */
@Entity('connectors')
@Unique('UQ_connectors_charger_connector', ['chargerId', 'connectorId'])
export class Connector {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  chargerId!: string;

  // By name and untyped: importing Charger here would make the two entity files a dependency cycle.
  @ManyToOne('Charger', 'connectors', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chargerId', foreignKeyConstraintName: 'FK_connectors_charger' })
  charger?: object;

  @Column({ type: 'integer' })
  connectorId!: number;

  @Column({ type: 'numeric', transformer: numericTransformer })
  maxKw!: number;
}
