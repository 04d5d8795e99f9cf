import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageMeta } from '../../common/pagination';
import { CreateTaskDto } from '../../tasks/task.dto';
import { OverrideRecord } from './override-record.entity';

export const FLEET_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class TaskVehicleDto {
  @ApiProperty({ example: 'BUS-07', description: 'Fleet number of a vehicle of this site and of the task type' })
  @Matches(FLEET_NUMBER, { message: 'vehicle must be a fleet number (1-64 letters, digits, dot, dash or underscore)' })
  vehicle!: string;
}

export class OutOfServiceDto {
  @ApiPropertyOptional({ example: 'door fault', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** An ad-hoc task: the fields of a task, at the site of the path, always planned. */
export class AdHocTaskDto extends OmitType(CreateTaskDto, ['siteId', 'status'] as const) {}

export class OverrideResponse {
  @ApiProperty() id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ nullable: true, type: String }) taskId!: string | null;
  @ApiProperty({ nullable: true, type: String }) vehicleId!: string | null;
  @ApiProperty() details!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'API key that made it; null for the bootstrap admin' })
  apiKeyId!: string | null;
  @ApiProperty() role!: string;
  @ApiProperty() at!: Date;

  static from(record: OverrideRecord): OverrideResponse {
    return { ...record };
  }
}

export class OverridePage extends PageMeta {
  @ApiProperty({ type: [OverrideResponse] }) items!: OverrideResponse[];
}
