import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const PURPOSES = ['StationMax', 'TxDefault', 'Tx'] as const;
const RATE_UNITS = ['A', 'W'] as const;

export class PowerSlotDto {
  @ApiProperty({ example: '2026-11-22T06:00:00Z' })
  @Type(() => Date)
  @IsDate()
  start!: Date;

  @ApiProperty({ example: 900 })
  @IsInt()
  @IsPositive()
  durationSeconds!: number;

  @ApiProperty({ example: 50 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  powerKw!: number;
}

export class SetChargingProfileDto {
  @ApiProperty({ enum: PURPOSES, description: 'StationMax = ChargePointMaxProfile / ChargingStationMaxProfile' })
  @IsIn(PURPOSES)
  purpose!: (typeof PURPOSES)[number];

  @ApiProperty({ description: '1.6 connectorId / 2.0.1 evseId; 0 = whole charger (StationMax, TxDefault)' })
  @IsInt()
  @Min(0)
  evseId!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  profileId!: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100)
  stackLevel!: number;

  @ApiProperty({ type: [PowerSlotDto], description: 'Back-to-back slots with a power limit each' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PowerSlotDto)
  slots!: PowerSlotDto[];

  @ApiPropertyOptional({ description: 'Required for purpose Tx' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  transactionId?: string;

  @ApiPropertyOptional({ enum: RATE_UNITS, description: 'Default A for AC, W for DC' })
  @IsOptional()
  @IsIn(RATE_UNITS)
  rateUnit?: (typeof RATE_UNITS)[number];
}

export class ClearChargingProfileDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) profileId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) evseId?: number;
  @ApiPropertyOptional({ enum: PURPOSES }) @IsOptional() @IsIn(PURPOSES) purpose?: (typeof PURPOSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) stackLevel?: number;
}

export class CompositeScheduleDto {
  @ApiProperty() @IsInt() @Min(0) evseId!: number;
  @ApiProperty() @IsInt() @IsPositive() @Max(7 * 86400) durationSeconds!: number;
  @ApiPropertyOptional({ enum: RATE_UNITS }) @IsOptional() @IsIn(RATE_UNITS) rateUnit?: (typeof RATE_UNITS)[number];
}

export class RemoteStartDto {
  @ApiProperty() @IsString() @Length(1, 20) idTag!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) evseId?: number;
}

export class RemoteStopDto {
  @ApiProperty() @IsString() @Length(1, 36) transactionId!: string;
}

export class TriggerMessageDto {
  @ApiProperty({ example: 'StatusNotification' }) @IsString() @Length(1, 50) message!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) evseId?: number;
}

export class ConfigurationKeyDto {
  @ApiProperty({ description: '1.6 configuration key / 2.0.1 variable name' }) @IsString() @Length(1, 50) key!: string;
  @ApiPropertyOptional({ description: '2.0.1 only: the component' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  component?: string;
  @ApiPropertyOptional({ description: '2.0.1 only' }) @IsOptional() @IsInt() @Min(0) evseId?: number;
  @ApiPropertyOptional({ description: '2.0.1 only: the variable instance, e.g. GetVariables of ItemsPerMessage' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  instance?: string;
  @ApiPropertyOptional({ description: '2.0.1 only: the component instance' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  componentInstance?: string;
}

export class ConfigurationSettingDto extends ConfigurationKeyDto {
  @ApiProperty() @IsString() @Length(0, 1000) value!: string;
}

export class SetConfigurationDto {
  @ApiProperty({ type: [ConfigurationSettingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConfigurationSettingDto)
  settings!: ConfigurationSettingDto[];
}

export class GetConfigurationDto {
  @ApiProperty({ type: [ConfigurationKeyDto], description: '1.6: empty reads all keys' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConfigurationKeyDto)
  keys!: ConfigurationKeyDto[];
}

export class ChangeAvailabilityDto {
  @ApiProperty({ description: '0 = whole charger' }) @IsInt() @Min(0) evseId!: number;
  @ApiProperty() @IsBoolean() operative!: boolean;
}

export class ResetDto {
  @ApiProperty({ enum: ['Hard', 'Soft', 'Immediate', 'OnIdle'], description: 'Hard = Immediate, Soft = OnIdle' })
  @IsIn(['Hard', 'Soft', 'Immediate', 'OnIdle'])
  kind!: 'Hard' | 'Soft' | 'Immediate' | 'OnIdle';
  @ApiPropertyOptional({ description: '2.0.1 only: reset one EVSE' }) @IsOptional() @IsInt() @Min(1) evseId?: number;
}

export class UnlockConnectorDto {
  @ApiProperty() @IsInt() @Min(1) evseId!: number;
  @ApiPropertyOptional({ description: '2.0.1 only, default 1' }) @IsOptional() @IsInt() @Min(1) connectorId?: number;
}

export class CommandOutcomeResponse {
  @ApiProperty({ description: 'false when the charger refused (Rejected, NotSupported, UnlockFailed, …)' })
  accepted!: boolean;
  @ApiProperty({ example: 'Accepted' }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The charger's answer as sent" })
  response!: Record<string, unknown>;
}
