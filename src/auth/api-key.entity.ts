import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `flight-feed`: an airport's flight system; posts flight schedules and live flight updates, nothing else. */
export type Role = 'admin' | 'fleet-manager' | 'dispatcher' | 'viewer' | 'telemetry' | 'flight-feed';
export const ROLES: readonly Role[] = ['admin', 'fleet-manager', 'dispatcher', 'viewer', 'telemetry', 'flight-feed'];

@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** SHA-256 of the token: tokens are 32 random bytes, so a slow hash buys nothing here. */
  @Column({ type: 'text', unique: true, select: false })
  tokenHash!: string;

  /** First characters of the token, to recognise a key in listings. */
  @Column({ type: 'text' })
  tokenPrefix!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
