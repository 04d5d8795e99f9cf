import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SocEstimatorJson } from '@apron/soc';

/** One vehicle's SoC estimator (`SocEstimator.toJSON()`), reloaded at start-up. */
@Entity('fleet_vehicle_soc_states')
export class VehicleSocStateRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fleet_vehicle_soc_states' })
  vehicleId!: string;

  @Column({ type: 'jsonb' })
  estimator!: SocEstimatorJson;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
