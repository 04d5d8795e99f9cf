import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module';
import { SitesModule } from '../sites/sites.module';
import { TaskAssignmentsRepository } from './task-assignments.repository';
import { TaskAssignmentsService } from './task-assignments.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [SitesModule, FleetModule],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService, TaskAssignmentsRepository, TaskAssignmentsService],
  exports: [TasksService, TaskAssignmentsService],
})
export class TasksModule {}
