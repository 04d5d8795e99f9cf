import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module';
import { SitesModule } from '../sites/sites.module';
import { FlightTasksService } from './flight-tasks.service';
import { TaskAssignmentsRepository } from './task-assignments.repository';
import { TaskAssignmentsService } from './task-assignments.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [SitesModule, FleetModule],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService, TaskAssignmentsRepository, TaskAssignmentsService, FlightTasksService],
  exports: [TasksService, TaskAssignmentsService, FlightTasksService],
})
export class TasksModule {}
