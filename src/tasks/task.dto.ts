import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination';
import { TaskAssignmentRow } from './task-assignment.entity';
import { TASK_STATUSES, TaskStatus, TransferTask } from './transfer-task.entity';

const FINITE = { allowNaN: false, allowInfinity: false };
/** The largest battery the API accepts (a vehicle's batteryKwh): no task can use more per vehicle. */
export const MAX_TASK_ENERGY_KWH = 2000;
/** A task lasts at most 24 h: 2,000 km is beyond any ground vehicle's day. */
export const MAX_TASK_DISTANCE_KM = 2000;
// A full date-time with an explicit offset: a local time without one would be read in the server's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = 'must be an ISO-8601 date-time with an offset, e.g. 2026-11-22T07:05:00Z';
// Same format as a vehicle's type, so the two compare equal.
const VEHICLE_TYPE = /^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const VEHICLE_TYPE_MESSAGE = 'vehicleType must be a lower-case kebab-case vehicle type of 1-64 characters';

function Instant(field: string): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true }, { message: `${field} ${INSTANT_MESSAGE}` })(target, key);
    Matches(INSTANT, { message: `${field} ${INSTANT_MESSAGE}` })(target, key);
  };
}

export class CreateTaskDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId!: string;

  @ApiProperty({ example: 'CZ3101-A1', description: 'Flight and leg, unique per site; the scenario task id' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\/-]{0,63}$/, {
    message: 'flightRef must be 1-64 letters, digits, dot, dash, slash or underscore',
  })
  flightRef!: string;

  @ApiProperty({ example: 'apron-bus', description: "Matched against a vehicle's type" })
  @Matches(VEHICLE_TYPE, { message: VEHICLE_TYPE_MESSAGE })
  vehicleType!: string;

  @ApiPropertyOptional({ example: 2, default: 1, minimum: 1, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  vehiclesNeeded?: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T07:05:00Z' })
  @Instant('start')
  start!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T07:35:00Z', description: 'After start, at most 24 h later' })
  @Instant('end')
  end!: string;

  @ApiPropertyOptional({
    example: 9.5,
    nullable: true,
    type: Number,
    description: 'Energy each vehicle uses, kWh',
    maximum: MAX_TASK_ENERGY_KWH,
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_TASK_ENERGY_KWH)
  energyKwhPerVehicle?: number | null;

  @ApiPropertyOptional({
    example: 6.5,
    nullable: true,
    type: Number,
    description: 'Driving distance, km',
    maximum: MAX_TASK_DISTANCE_KM,
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_TASK_DISTANCE_KM)
  distanceKm?: number | null;

  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'planned' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;
}

export class UpdateTaskDto extends PartialType(CreateTaskDto) {}

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ example: 'apron-bus' })
  @IsOptional()
  @Matches(VEHICLE_TYPE, { message: VEHICLE_TYPE_MESSAGE })
  vehicleType?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-22T06:00:00Z',
    description: 'Tasks ending after this instant',
  })
  @IsOptional()
  @Instant('from')
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-22T12:00:00Z',
    description: 'Tasks starting before this instant',
  })
  @IsOptional()
  @Instant('to')
  to?: string;
}

export class TaskResponse {
  @ApiProperty() id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() flightRef!: string;
  @ApiProperty() vehicleType!: string;
  @ApiProperty() vehiclesNeeded!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T07:05:00.000Z' }) start!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T07:35:00.000Z' }) end!: string;
  @ApiProperty({ nullable: true, type: Number }) energyKwhPerVehicle!: number | null;
  @ApiProperty({ nullable: true, type: Number }) distanceKm!: number | null;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ type: [String], description: 'Fleet numbers pinned by a dispatcher' }) pinnedVehicles!: string[];
  @ApiProperty({ type: [String], description: 'Fleet numbers forbidden by a dispatcher' }) forbiddenVehicles!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'The flight it serves (§8); null for an ad-hoc task' })
  flightId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The flight's stand" }) stand!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(task: TransferTask): TaskResponse {
    return {
      id: task.id,
      siteId: task.siteId,
      flightRef: task.flightRef,
      vehicleType: task.vehicleType,
      vehiclesNeeded: task.vehiclesNeeded,
      start: task.startsAt.toISOString(),
      end: task.endsAt.toISOString(),
      energyKwhPerVehicle: task.energyKwhPerVehicle,
      distanceKm: task.distanceKm,
      status: task.status,
      pinnedVehicles: task.pinnedVehicles,
      forbiddenVehicles: task.forbiddenVehicles,
      flightId: task.flightId ?? null,
      stand: task.stand ?? null,
      version: task.version,
      createdAt: task.createdAt,
      updatedAt: task.updatedAt,
    };
  }
}

export class TaskPage extends PageMeta {
  @ApiProperty({ type: [TaskResponse] }) items!: TaskResponse[];
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
  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: "When the done task's energy was counted",
  })
  completedAt!: string | null;
  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When its SoC drop was learned (or given up)',
  })
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
