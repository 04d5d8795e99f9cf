import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdempotentCreate } from '../idempotency/idempotent-create.decorator';
import { READERS, Roles } from '../auth/roles.decorator';
import { IfMatchVersion, VersionedRead, VersionedUpdate } from '../common/versioning/versioned.decorators';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  AssignVehiclesDto,
  CreateTaskDto,
  ListTasksQuery,
  TaskAssignmentResponse,
  TaskPage,
  TaskResponse,
  UpdateTaskDto,
} from './task.dto';
import { TaskAssignmentsService } from './task-assignments.service';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly assignments: TaskAssignmentsService,
  ) {}

  @Post()
  @Roles('fleet-manager')
  @ApiCreatedResponse({ type: TaskResponse })
  @ApiErrors(409)
  @IdempotentCreate()
  @ApiOperation({ summary: 'Create a transfer task (fleet-manager)' })
  async create(@Body() body: CreateTaskDto): Promise<TaskResponse> {
    return TaskResponse.from(await this.tasks.create(body));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: TaskPage })
  @ApiOperation({ summary: 'List tasks in start order, by site, status, vehicle type and time window (any role)' })
  async list(@Query() query: ListTasksQuery): Promise<TaskPage> {
    const filter = {
      siteId: query.siteId,
      status: query.status,
      vehicleType: query.vehicleType,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    };
    const page = await this.tasks.list(filter, query.limit, query.offset);
    return { ...page, items: page.items.map(TaskResponse.from) };
  }

  @Get(':id')
  @Roles(...READERS)
  @VersionedRead(TaskResponse)
  @ApiOperation({ summary: 'Get a task (any role)' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<TaskResponse> {
    return TaskResponse.from(await this.tasks.get(id));
  }

  @Patch(':id')
  @Roles('fleet-manager')
  @VersionedUpdate(TaskResponse)
  @ApiErrors(409)
  @ApiOperation({ summary: 'Change some fields of a task, e.g. its status (fleet-manager)' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateTaskDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.tasks.update(id, body, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('fleet-manager')
  @ApiNoContentResponse()
  @ApiErrors(409)
  @ApiOperation({ summary: 'Delete a task (fleet-manager)' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.tasks.remove(id);
  }

  @Put(':id/vehicles')
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: [TaskAssignmentResponse] })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Record which vehicles serve a task (dispatcher, fleet-manager)' })
  async assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignVehiclesDto,
  ): Promise<TaskAssignmentResponse[]> {
    return (await this.assignments.assign(id, body.vehicles)).map(TaskAssignmentResponse.from);
  }

  @Get(':id/vehicles')
  @Roles(...READERS)
  @ApiOkResponse({ type: [TaskAssignmentResponse] })
  @ApiOperation({ summary: 'Vehicles recorded as serving a task (any role)' })
  async assigned(@Param('id', ParseUUIDPipe) id: string): Promise<TaskAssignmentResponse[]> {
    return (await this.assignments.list(id)).map(TaskAssignmentResponse.from);
  }
}
