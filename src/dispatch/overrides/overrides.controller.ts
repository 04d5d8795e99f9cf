import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdempotentCreate } from '../../idempotency/idempotent-create.decorator';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { READERS, Roles } from '../../auth/roles.decorator';
import { PageQuery } from '../../common/pagination';
import { VehicleResponse } from '../../fleet/vehicle.dto';
import { TaskResponse } from '../../tasks/task.dto';
import { Actor, CurrentActor } from '../../auth/actor.decorator';
import { AdHocTaskDto, OutOfServiceDto, OverridePage, OverrideResponse, TaskVehicleDto } from './override.dto';
import { OverridesService } from './overrides.service';

const SITE = 'siteId';

@ApiTags('dispatch')
@ApiBearerAuth()
@Controller('api/v1/sites/:siteId')
export class OverridesController {
  constructor(private readonly overrides: OverridesService) {}

  @Post('tasks/:taskId/pins')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Pin a vehicle on a task: the next tick assigns it (dispatcher, fleet-manager)' })
  async pin(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: TaskVehicleDto,
    @CurrentActor() actor: Actor,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.overrides.pin(siteId, taskId, body.vehicle, actor));
  }

  @Delete('tasks/:taskId/pins/:vehicle')
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Remove a pin (dispatcher, fleet-manager)' })
  async unpin(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Param('vehicle') vehicle: string,
    @CurrentActor() actor: Actor,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.overrides.unpin(siteId, taskId, vehicle, actor));
  }

  @Post('tasks/:taskId/forbids')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Forbid a vehicle on a task: the next tick never assigns it (dispatcher, fleet-manager)' })
  async forbid(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: TaskVehicleDto,
    @CurrentActor() actor: Actor,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.overrides.forbid(siteId, taskId, body.vehicle, actor));
  }

  @Delete('tasks/:taskId/forbids/:vehicle')
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Remove a forbid (dispatcher, fleet-manager)' })
  async unforbid(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Param('vehicle') vehicle: string,
    @CurrentActor() actor: Actor,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.overrides.unforbid(siteId, taskId, vehicle, actor));
  }

  @Post('vehicles/:vehicleId/out-of-service')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: VehicleResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Take a vehicle out of service: the next plan leaves it out (dispatcher, fleet-manager)' })
  async outOfService(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('vehicleId', ParseUUIDPipe) vehicleId: string,
    @Body() body: OutOfServiceDto,
    @CurrentActor() actor: Actor,
  ): Promise<VehicleResponse> {
    return VehicleResponse.from(await this.overrides.setInService(siteId, vehicleId, false, body.reason, actor));
  }

  @Post('vehicles/:vehicleId/in-service')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: VehicleResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Put a vehicle back in service (dispatcher, fleet-manager)' })
  async inService(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('vehicleId', ParseUUIDPipe) vehicleId: string,
    @CurrentActor() actor: Actor,
  ): Promise<VehicleResponse> {
    return VehicleResponse.from(await this.overrides.setInService(siteId, vehicleId, true, undefined, actor));
  }

  @Post('tasks')
  @Roles('dispatcher', 'fleet-manager')
  @ApiCreatedResponse({ type: TaskResponse })
  @ApiErrors(409)
  @IdempotentCreate()
  @ApiOperation({ summary: 'Add an ad-hoc task at the site; the next tick plans it (dispatcher, fleet-manager)' })
  async addTask(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Body() body: AdHocTaskDto,
    @CurrentActor() actor: Actor,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.overrides.addTask(siteId, body, actor));
  }

  @Post('tasks/:taskId/done')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Mark a task done: it leaves the next plan (dispatcher, fleet-manager)' })
  async done(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @CurrentActor() actor: Actor,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.overrides.finish(siteId, taskId, 'done', actor));
  }

  @Post('tasks/:taskId/cancel')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Cancel a task: it leaves the next plan (dispatcher, fleet-manager)' })
  async cancel(
    @Param(SITE, ParseUUIDPipe) siteId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @CurrentActor() actor: Actor,
  ): Promise<TaskResponse> {
    return TaskResponse.from(await this.overrides.finish(siteId, taskId, 'cancelled', actor));
  }

  @Get('overrides')
  @Roles(...READERS)
  @ApiOkResponse({ type: OverridePage })
  @ApiOperation({ summary: 'Audit of dispatcher overrides at the site, newest first (any role)' })
  async list(@Param(SITE, ParseUUIDPipe) siteId: string, @Query() query: PageQuery): Promise<OverridePage> {
    const page = await this.overrides.list(siteId, query.limit, query.offset);
    return { ...page, items: page.items.map(OverrideResponse.from) };
  }
}
