import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';

const FINITE = { allowNaN: false, allowInfinity: false };
const STAND_KINDS = ['remote', 'contact'];

/**
 * The site fields that turn flights into bus tasks (DESIGN.md §8); every one has a default, so airports without a
 * flight feed never set them. How they combine: libs/flights/src/rules/flight-task-rules.ts.
 */
export class SiteFlightRulesDto {
  @ApiPropertyOptional({ example: 'CAN', nullable: true, type: String, description: 'Airport IATA code' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'iataCode must be a 3-letter upper-case IATA airport code' })
  iataCode?: string | null;

  @ApiPropertyOptional({ example: 'apron-bus', default: 'apron-bus', description: 'Vehicle type of flight tasks' })
  @IsOptional()
  @Matches(/^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'busVehicleType must be a kebab-case vehicle type' })
  busVehicleType?: string;

  @ApiPropertyOptional({ example: 80, default: 80, minimum: 1, maximum: 300, description: 'Passengers per bus' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(300)
  busCapacityPassengers?: number;

  @ApiPropertyOptional({ example: 0.85, default: 0.85, description: 'Seats taken on flights without a count, 0-1' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0.01)
  @Max(1)
  loadFactor?: number;

  @ApiPropertyOptional({
    example: { '320': 180, '77W': 350 },
    nullable: true,
    type: Object,
    description: 'Seats by IATA aircraft type; null = the built-in table of common types',
  })
  @IsOptional()
  @IsObject()
  seatsByAircraftType?: Record<string, number> | null;

  @ApiPropertyOptional({
    example: 5,
    default: 5,
    minimum: 0,
    maximum: 120,
    description: 'Buses at the stand, minutes before in-block',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  arrivalBusLeadMinutes?: number;

  @ApiPropertyOptional({
    example: 30,
    default: 30,
    minimum: 0,
    maximum: 180,
    description: 'Boarding buses leave the gate, minutes before off-block',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(180)
  departureBusLeadMinutes?: number;

  @ApiPropertyOptional({
    example: 8,
    default: 8,
    minimum: 0,
    maximum: 60,
    description: 'Passengers boarding a bus, minutes',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  loadingMinutes?: number;

  @ApiPropertyOptional({
    example: 4,
    default: 4,
    minimum: 0,
    maximum: 60,
    description: 'Passengers leaving a bus, minutes',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  unloadingMinutes?: number;

  @ApiPropertyOptional({ enum: STAND_KINDS, default: 'remote', description: 'Kind of stands the stand table lacks' })
  @IsOptional()
  @IsIn(STAND_KINDS)
  defaultStandKind?: 'remote' | 'contact';
}

/** seatsByAircraftType needs more than a decorator: every key a type code, every value a seat count. */
export function seatTableViolations(table: Record<string, unknown> | null | undefined): string[] {
  if (table === null || table === undefined) return [];
  return Object.entries(table)
    .filter(
      ([type, seats]) =>
        !/^[A-Z0-9]{2,4}$/.test(type) || !Number.isInteger(seats) || (seats as number) < 1 || (seats as number) > 1000,
    )
    .map(([type]) => `seatsByAircraftType.${type} must map an IATA aircraft type to 1-1000 seats`);
}
