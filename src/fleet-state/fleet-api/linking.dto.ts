import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { FleetSessionRow } from '../persistence/fleet-session.entity';
import { TaskAssignmentRow } from '../persistence/task-assignment.entity';

export class LinkSessionDto {
  @ApiProperty({ example: 'BUS-07', description: 'Fleet number or vehicle id' })
  @IsString()
  @Length(1, 64)
  vehicle!: string;
}

export class SessionLinkResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() chargePointId!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) connectorId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) idTag!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) vehicleId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['id-tag', 'evccid', 'manual'] })
  linkSource!: string | null;
  @ApiProperty({ description: 'An idTag no fleet vehicle presents' }) nonFleet!: boolean;
  @ApiProperty() active!: boolean;

  static from(row: FleetSessionRow): SessionLinkResponse {
    return {
      sessionId: row.sessionId,
      chargePointId: row.chargePointId,
      connectorId: row.evseId,
      idTag: row.idTag,
      vehicleId: row.vehicleId,
      linkSource: row.linkSource,
      nonFleet: row.nonFleet,
      active: row.endedAt === null,
    };
  }
}

export class AssignVehiclesDto {
  @ApiProperty({ example: ['BUS-07'], description: 'Fleet numbers or vehicle ids; replaces the earlier ones' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  vehicles!: string[];
}

export class TaskAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ format: 'uuid' }) vehicleId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "When the done task's energy was counted" })
  completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When its SoC drop was learned (or given up)' })
  observedAt!: string | null;

  static from(row: TaskAssignmentRow): TaskAssignmentResponse {
    return {
      taskId: row.taskId,
      vehicleId: row.vehicleId,
      completedAt: row.completedAt?.toISOString() ?? null,
      observedAt: row.observedAt?.toISOString() ?? null,
    };
  }
}

export class AddEvccidDto {
  @ApiProperty({ example: 'VID:0A1B2C3D4E5F', description: 'ISO 15118 EVCCID (the EV MAC)' })
  @IsString()
  @Length(1, 64)
  evccid!: string;
}

export class EvccidsResponse {
  @ApiProperty({ type: [String] }) evccids!: string[];
}
