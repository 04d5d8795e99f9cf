import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination';
import { QueryBoolean } from '../common/query-booleans';
import { Vehicle } from './vehicle.entity';

const FINITE = { allowNaN: false, allowInfinity: false };
/** Above any standby load (a bus's cabin climate draws a few kW); a larger value is a unit mistake (W for kW). */
export const MAX_IDLE_DRAIN_KWH_PER_HOUR = 50;
export const MAX_BATTERY_KWH = 2000;
/** Heavy electric trucks use about 2 kWh/km; ten times that is a unit mistake. */
export const MAX_CONSUMPTION_KWH_PER_KM = 20;

/** Lower-case kebab case, shared with a task's vehicleType so the two always compare equal. */
export const VEHICLE_TYPE = /^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/;
export const VEHICLE_TYPE_MESSAGE = 'must be a lower-case kebab-case vehicle type of 1-64 characters, e.g. apron-bus';

export class CreateVehicleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId!: string;

  @ApiProperty({ example: 'BUS-07', description: 'Unique across the fleet; the scenario vehicle id' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'fleetNumber must be 1-64 letters, digits, dot, dash or underscore',
  })
  fleetNumber!: string;

  @ApiProperty({ example: 'apron-bus', description: "Matched against a task's vehicleType" })
  @Matches(VEHICLE_TYPE, { message: `type ${VEHICLE_TYPE_MESSAGE}` })
  type!: string;

  @ApiProperty({ example: 280, description: 'Usable battery capacity, kWh (0 < x <= 2000)' })
  @IsNumber(FINITE)
  @IsPositive()
  @Max(MAX_BATTERY_KWH)
  batteryKwh!: number;

  @ApiPropertyOptional({ example: 20, default: 20, description: 'Reserve SoC, %; below maxSocPercent' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(100)
  minSocPercent?: number;

  @ApiPropertyOptional({ example: 95, default: 100, description: 'Charge ceiling SoC, %' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(100)
  maxSocPercent?: number;

  @ApiProperty({ example: 150, description: 'Vehicle-side charging limit, kW' })
  @IsNumber(FINITE)
  @IsPositive()
  @Max(10_000)
  maxChargeKw!: number;

  @ApiPropertyOptional({ example: 0.93, default: 1, description: 'Grid-to-battery efficiency (0 < x <= 1)' })
  @IsOptional()
  @IsNumber(FINITE)
  @IsPositive()
  @Max(1)
  chargeEfficiency?: number;

  @ApiPropertyOptional({
    example: 1.2,
    nullable: true,
    type: Number,
    description: 'kWh per km driven',
    maximum: MAX_CONSUMPTION_KWH_PER_KM,
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_CONSUMPTION_KWH_PER_KM)
  consumptionKwhPerKm?: number | null;

  @ApiPropertyOptional({
    example: 9.5,
    nullable: true,
    type: Number,
    description: 'kWh per transfer task (at most a full battery)',
    maximum: MAX_BATTERY_KWH,
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_BATTERY_KWH)
  consumptionKwhPerTask?: number | null;

  @ApiPropertyOptional({
    example: 0.8,
    default: 0,
    description: 'Standby drain while not on a task, kWh per hour (0-50); lowers the SoC estimate between readings',
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_IDLE_DRAIN_KWH_PER_HOUR)
  idleDrainKwhPerHour?: number;

  // OCPP 2.0.1 idToken is up to 36 characters (1.6 idTag up to 20); one tag per vehicle.
  @ApiPropertyOptional({ example: '04A2B3C4D5E6F7', nullable: true, type: String, description: 'RFID idTag, unique' })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,36}$/, { message: 'idTag must be 1-36 printable ASCII characters without spaces' })
  idTag?: string | null;

  @ApiPropertyOptional({ example: 5, default: 5, description: 'Minutes between two tasks (0-240)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  turnaroundMinutes?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  inService?: boolean;
}

export class UpdateVehicleDto extends PartialType(CreateVehicleDto) {}

export class ListVehiclesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ example: 'apron-bus' })
  @IsOptional()
  @Matches(VEHICLE_TYPE, { message: `type ${VEHICLE_TYPE_MESSAGE}` })
  type?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  inService?: boolean;
}

export class VehicleResponse {
  @ApiProperty() id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() fleetNumber!: string;
  @ApiProperty() type!: string;
  @ApiProperty() batteryKwh!: number;
  @ApiProperty() minSocPercent!: number;
  @ApiProperty() maxSocPercent!: number;
  @ApiProperty() maxChargeKw!: number;
  @ApiProperty() chargeEfficiency!: number;
  @ApiProperty({ nullable: true, type: Number }) consumptionKwhPerKm!: number | null;
  @ApiProperty({ nullable: true, type: Number }) consumptionKwhPerTask!: number | null;
  @ApiProperty({ description: 'Standby drain while not on a task, kWh per hour' }) idleDrainKwhPerHour!: number;
  @ApiProperty({ nullable: true, type: String }) idTag!: string | null;
  @ApiProperty() turnaroundMinutes!: number;
  @ApiProperty() inService!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(vehicle: Vehicle): VehicleResponse {
    return { ...vehicle };
  }
}

export class VehiclePage extends PageMeta {
  @ApiProperty({ type: [VehicleResponse] }) items!: VehicleResponse[];
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
