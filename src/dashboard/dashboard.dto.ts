import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DashboardSite {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['airport', 'highway'] }) kind!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty() gridLimitKw!: number;
  @ApiProperty() baseLoadKw!: number;
  @ApiProperty({ example: 'CNY' }) currency!: string;
}

export class DashboardChargingRow {
  @ApiPropertyOptional({ description: 'Fleet number (airport vehicles)' }) vehicleId?: string;
  @ApiPropertyOptional({ description: 'Public EV session (highway)' }) sessionId?: string;
  @ApiProperty() chargerId!: string;
  @ApiProperty({ type: [Number], description: 'Planned kW per slot' }) kw!: number[];
}

export class DashboardSocRow {
  @ApiPropertyOptional() vehicleId?: string;
  @ApiPropertyOptional() sessionId?: string;
  @ApiProperty({ type: [Number], description: 'Planned SoC % at each slot boundary' }) percent!: number[];
}

export class DashboardPlan {
  @ApiProperty() planRunId!: string;
  @ApiProperty({ format: 'date-time' }) tickAt!: string;
  @ApiProperty({ enum: ['new', 'kept-last', 'fallback'] }) applied!: string;
  @ApiProperty({ enum: ['optimal', 'feasible', 'fallback', 'infeasible'] }) status!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: [String], format: 'date-time', description: 'Slot boundaries (slots + 1), ISO-8601 UTC' })
  boundaries!: string[];
  @ApiProperty({ type: [Number], description: 'Planned charging power of the site per slot, base load excluded' })
  sitePowerKw!: number[];
  @ApiProperty({ type: [DashboardSocRow] }) soc!: DashboardSocRow[];
  @ApiProperty({ type: [DashboardChargingRow] }) charging!: DashboardChargingRow[];
  @ApiProperty() costTotal!: number;
  @ApiProperty() peakKw!: number;
}

export class DashboardTariffBand {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ enum: ['peak', 'flat', 'valley'] }) band!: string;
  @ApiProperty() pricePerKwh!: number;
}

export class DashboardMeteredPoint {
  @ApiProperty({ format: 'date-time', description: 'Bucket start' }) at!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Sum of the connectors metered mean power; null: none reported',
  })
  kw!: number | null;
}

export class DashboardMeteredPower {
  @ApiProperty() bucketMinutes!: number;
  @ApiProperty({ type: [DashboardMeteredPoint] }) points!: DashboardMeteredPoint[];
}

export class DashboardConnector {
  @ApiProperty() connectorId!: number;
  @ApiProperty() maxKw!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'],
    description: 'Last OCPP status; null before the charger reported one',
  })
  status!: string | null;
  @ApiProperty({ nullable: true, type: String }) errorCode!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) since!: string | null;
}

export class DashboardCharger {
  @ApiProperty() id!: string;
  @ApiProperty() chargePointId!: string;
  @ApiProperty() maxKw!: number;
  @ApiProperty() online!: boolean;
  @ApiProperty({ nullable: true, type: String }) ocppVersion!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastSeenAt!: string | null;
  @ApiProperty({ type: [DashboardConnector] }) connectors!: DashboardConnector[];
}

/** What the dashboard draws for one site besides the dispatch boards (tasks, vehicles, alerts). */
export class DashboardResponse {
  @ApiProperty({ format: 'date-time', description: 'The server time the view was built at' }) at!: string;
  @ApiProperty({ type: DashboardSite }) site!: DashboardSite;
  @ApiProperty({ type: DashboardPlan, nullable: true, description: 'The plan in force; null before the first tick' })
  plan!: DashboardPlan | null;
  @ApiProperty({ type: [DashboardTariffBand], description: 'Tariff over the chart window' })
  tariffBands!: DashboardTariffBand[];
  @ApiProperty({ type: DashboardMeteredPower, description: 'Metered charging power of the last hours' })
  meteredPower!: DashboardMeteredPower;
  @ApiProperty({ type: [DashboardCharger] }) chargers!: DashboardCharger[];
}
