import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** ISO 15118 EVCCIDs (the EV's MAC-derived id) of fleet vehicles, stored upper-case. */
@Entity('vehicle_evccids')
@Index('IDX_vehicle_evccids_vehicle', ['vehicleId'])
export class VehicleEvccidRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_vehicle_evccids' })
  evccid!: string;

  @Column({ type: 'uuid' })
  vehicleId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
