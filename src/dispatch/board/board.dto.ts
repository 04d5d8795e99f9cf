import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { PageMeta } from '../../common/pagination';
import { ListTasksQuery } from '../../tasks/task.dto';
import { DISPATCH_ALERT_CODES, type DispatchAlert } from './plan-alerts';
import type { ChargeInstruction } from './charge-instructions';
import type { NextAssignment, VehicleStatus } from './vehicle-status';

export class TaskBoardQuery extends PickType(ListTasksQuery, ['from', 'to', 'limit', 'offset'] as const) {}

export class AssignedVehicleResponse {
  @ApiProperty({ example: 'BUS-07' }) vehicle!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Planned SoC when it leaves: at the slot boundary of departAt (no charging after it)',
  })
  predictedSocPercentAtStart!: number | null;
  @ApiProperty({ nullable: true, type: Number }) reservePercent!: number | null;
  @ApiProperty() belowReserve!: boolean;
}

/** The flight a task serves (DESIGN.md §8): what the dispatcher reads on the board. */
export class TaskFlightResponse {
  @ApiProperty({ example: 'CZ3101' }) flight!: string;
  @ApiProperty({ enum: ['arrival', 'departure'] }) direction!: string;
  @ApiProperty({ nullable: true, type: String, example: 'R201' }) stand!: string | null;
  @ApiProperty({ format: 'date-time', description: 'Scheduled in-block (arrival) or off-block (departure)' })
  scheduledTime!: string;
  @ApiProperty({ description: 'Minutes the estimated/actual milestone is after the schedule' }) delayMinutes!: number;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status!: string;
}

export class TaskBoardRow {
  @ApiProperty() id!: string;
  @ApiProperty() flightRef!: string;
  @ApiProperty() vehicleType!: string;
  @ApiProperty() vehiclesNeeded!: number;
  @ApiProperty({
    format: 'date-time',
    description:
      "When its vehicles must leave the depot: start less the site's departureLeadMinutes; no charging after",
  })
  departAt!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String] }) pinnedVehicles!: string[];
  @ApiProperty({ type: [String] }) forbiddenVehicles!: string[];
  @ApiProperty({
    type: [String],
    description:
      'Vehicles recorded as serving it (PUT /api/v1/tasks/{id}/vehicles): the ones that left for it; a task whose ' +
      'vehicles all left is no longer in the plan',
  })
  vehiclesLeft!: string[];
  @ApiProperty({ description: 'Whether the plan in force covers the task' }) inPlan!: boolean;
  @ApiProperty({ type: [AssignedVehicleResponse] }) assigned!: AssignedVehicleResponse[];
  @ApiProperty() missingVehicles!: number;
  @ApiProperty({ description: 'Unserved, or an assigned vehicle starts below its reserve' }) atRisk!: boolean;
  @ApiProperty({ type: [String] }) riskReasons!: string[];
  @ApiPropertyOptional({ type: TaskFlightResponse, nullable: true, description: 'null for an ad-hoc task' })
  flight!: TaskFlightResponse | null;
}

export class PlanRef {
  @ApiProperty() planRunId!: string;
  @ApiProperty() tickAt!: Date;
  @ApiProperty({ enum: ['new', 'kept-last', 'fallback'] }) applied!: string;
}

export class TaskBoardResponse extends PageMeta {
  @ApiPropertyOptional({ type: PlanRef, nullable: true, description: 'null before the first tick' })
  plan!: PlanRef | null;
  @ApiProperty({ type: [TaskBoardRow] }) items!: TaskBoardRow[];
}

export class ChargeInstructionResponse implements ChargeInstruction {
  @ApiProperty() vehicle!: string;
  @ApiProperty({ example: 'CP-03' }) chargerId!: string;
  @ApiProperty({ description: 'When its planned charging starts' }) by!: string;
  @ApiProperty({ example: 'BUS-07 to CP-03 by 10:20' }) text!: string;
}

export class NextAssignmentResponse implements NextAssignment {
  @ApiProperty({ description: 'The task flightRef' }) taskId!: string;
  @ApiProperty({
    format: 'date-time',
    description: "When the vehicle must leave the depot for it (the site's departureLeadMinutes before start)",
  })
  departAt!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
}

export class VehicleBoardRow {
  @ApiProperty() id!: string;
  @ApiProperty() fleetNumber!: string;
  @ApiProperty() type!: string;
  @ApiProperty() inService!: boolean;
  @ApiProperty({ description: 'Reserve SoC, %' }) minSocPercent!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Live SoC estimate from fleet state, %' })
  socPercentEstimate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '1-sigma uncertainty of the estimate, percent points' })
  socUncertaintyPercent!: number | null;
  @ApiProperty({ enum: ['out-of-service', 'on-task', 'charging', 'plugged', 'idle', 'not-in-plan'] })
  status!: VehicleStatus;
  @ApiProperty({ nullable: true, type: String }) pluggedInto!: string | null;
  @ApiProperty({ nullable: true, type: String }) chargingAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) onTask!: string | null;
  @ApiProperty({ nullable: true, type: Number }) predictedSocPercentNow!: number | null;
  @ApiProperty({ nullable: true, type: NextAssignmentResponse }) nextAssignment!: NextAssignmentResponse | null;
  @ApiProperty({ nullable: true, type: ChargeInstructionResponse }) nextCharge!: ChargeInstructionResponse | null;
}

export class VehicleBoardResponse {
  @ApiPropertyOptional({ type: PlanRef, nullable: true }) plan!: PlanRef | null;
  @ApiProperty({ type: [VehicleBoardRow] }) items!: VehicleBoardRow[];
}

export class AlertResponse implements DispatchAlert {
  @ApiProperty({ enum: DISPATCH_ALERT_CODES }) code!: DispatchAlert['code'];
  @ApiProperty({ enum: ['warning', 'critical'] }) severity!: 'warning' | 'critical';
  @ApiProperty() message!: string;
  @ApiPropertyOptional() taskId?: string;
  @ApiPropertyOptional() vehicleId?: string;
  @ApiPropertyOptional() chargerId?: string;
  @ApiPropertyOptional() connectorId?: number;
  @ApiPropertyOptional({ format: 'date-time' }) at?: string;
}

export class RecentAlertResponse {
  @ApiProperty() code!: string;
  @ApiProperty() severity!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class AlertsResponse {
  @ApiPropertyOptional({ type: PlanRef, nullable: true }) plan!: PlanRef | null;
  @ApiProperty({ type: [AlertResponse], description: 'Derived now from the plan in force and live charger state' })
  current!: AlertResponse[];
  @ApiProperty({ type: [RecentAlertResponse], description: 'Alert events of recent ticks, newest first (bounded)' })
  recent!: RecentAlertResponse[];
}
