import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { VehicleSituation } from '../soc-tracking.service';

export class FleetVehiclesQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId!: string;
}

class DirectReadingResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['charger', 'telematics'] }) source!: string;
  @ApiProperty() socPercent!: number;
}

class SocEstimateResponse {
  @ApiProperty({ description: 'Estimated SoC now, %' }) socPercent!: number;
  @ApiProperty({ description: 'One standard deviation, percent points' }) uncertaintyPercent!: number;
  @ApiPropertyOptional({ type: DirectReadingResponse, nullable: true })
  lastDirectReading!: DirectReadingResponse | null;
  @ApiProperty({ description: 'No direct reading for too long (or ever)' }) stale!: boolean;
  @ApiProperty({ description: 'A reading disagreed with the estimate beyond tolerance recently' })
  disagreement!: boolean;
  @ApiProperty() onTask!: boolean;
}

class PluggedResponse {
  @ApiProperty() chargePointId!: string;
  @ApiProperty({ description: 'The EVSE (1.6 connector) it is plugged into' }) connectorId!: number;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) since!: string | null;
}

class TaskRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() flightRef!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
}

class NextTaskResponse extends TaskRefResponse {
  @ApiProperty({ description: 'Energy the task will take, kWh' }) energyKwh!: number;
  @ApiProperty({ description: 'stated, learned-per-km, learned-per-task, vehicle-config, fleet-learned, ...' })
  energySource!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) predictedSocPercent!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) predictedUncertaintyPercent!: number | null;
}

class DriftResponse {
  @ApiProperty() taskKind!: string;
  @ApiProperty({ enum: ['kwh-per-task', 'kwh-per-km'] }) metric!: string;
  @ApiProperty({ enum: ['own-baseline', 'fleet'] }) versus!: string;
  @ApiProperty() currentValue!: number;
  @ApiProperty() referenceValue!: number;
  @ApiProperty({ description: 'current / reference; above 1 means it now needs more energy' }) ratio!: number;
}

export class FleetVehicleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fleetNumber!: string;
  @ApiProperty() type!: string;
  @ApiProperty() inService!: boolean;
  @ApiPropertyOptional({ type: SocEstimateResponse, nullable: true }) soc!: SocEstimateResponse | null;
  @ApiPropertyOptional({ type: PluggedResponse, nullable: true }) plugged!: PluggedResponse | null;
  @ApiPropertyOptional({ type: TaskRefResponse, nullable: true }) currentTask!: TaskRefResponse | null;
  @ApiPropertyOptional({ type: NextTaskResponse, nullable: true }) nextTask!: NextTaskResponse | null;
  @ApiProperty({ type: [DriftResponse] }) consumptionDrift!: DriftResponse[];

  static from(s: VehicleSituation): FleetVehicleResponse {
    const { vehicle, estimate, session, currentTask, nextTask } = s;
    return {
      id: vehicle.id,
      fleetNumber: vehicle.fleetNumber,
      type: vehicle.type,
      inService: vehicle.inService,
      soc: estimate && {
        socPercent: estimate.socPercent,
        uncertaintyPercent: estimate.uncertaintyPercent,
        lastDirectReading:
          estimate.lastDirectReadingMs === null
            ? null
            : {
                at: new Date(estimate.lastDirectReadingMs).toISOString(),
                source: estimate.lastDirectReadingSource ?? 'charger',
                socPercent: estimate.lastDirectReadingPercent ?? 0,
              },
        stale: estimate.stale,
        disagreement: estimate.disagreement,
        onTask: estimate.onTask,
      },
      plugged:
        session && session.evseId !== null
          ? {
              chargePointId: session.chargePointId,
              connectorId: session.evseId,
              sessionId: session.id,
              since: session.startedAt?.toISOString() ?? null,
            }
          : null,
      currentTask: currentTask && taskRef(currentTask),
      nextTask: nextTask && {
        ...taskRef(nextTask.task),
        energyKwh: nextTask.energy.energyKwh,
        energySource: nextTask.energy.source,
        predictedSocPercent: nextTask.predicted?.socPercent ?? null,
        predictedUncertaintyPercent: nextTask.predicted?.uncertaintyPercent ?? null,
      },
      consumptionDrift: s.drift.map(({ taskKind, metric, versus, currentValue, referenceValue, ratio }) => ({
        taskKind,
        metric,
        versus,
        currentValue,
        referenceValue,
        ratio,
      })),
    };
  }
}

function taskRef(task: { id: string; flightRef: string; startsAt: Date; endsAt: Date }): TaskRefResponse {
  return { id: task.id, flightRef: task.flightRef, start: task.startsAt.toISOString(), end: task.endsAt.toISOString() };
}

export class FleetVehiclesResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: [FleetVehicleResponse] }) items!: FleetVehicleResponse[];
}
