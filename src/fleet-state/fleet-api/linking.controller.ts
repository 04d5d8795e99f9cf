import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/roles.decorator';
import { SessionLinksService } from '../linking/session-links.service';
import { TaskAssignmentsService } from '../tasks/task-assignments.service';
import {
  AddEvccidDto,
  AssignVehiclesDto,
  EvccidsResponse,
  LinkSessionDto,
  SessionLinkResponse,
  TaskAssignmentResponse,
} from './linking.dto';

@ApiTags('fleet state')
@ApiBearerAuth()
@Controller('api/v1')
export class LinkingController {
  constructor(
    private readonly links: SessionLinksService,
    private readonly assignments: TaskAssignmentsService,
  ) {}

  @Post('sessions/:sessionId/vehicle')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOperation({ summary: 'Link a charging session to the vehicle it charges (dispatcher, fleet-manager)' })
  async link(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: LinkSessionDto,
  ): Promise<SessionLinkResponse> {
    return SessionLinkResponse.from(await this.links.linkSession(sessionId, body.vehicle));
  }

  @Get('sessions/:sessionId/vehicle')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Which vehicle a charging session charges, and how that was found (any role)' })
  async linkOf(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<SessionLinkResponse> {
    return SessionLinkResponse.from(await this.links.session(sessionId));
  }

  @Put('tasks/:taskId/vehicles')
  @Roles('dispatcher', 'fleet-manager')
  @ApiOperation({ summary: 'Record which vehicles serve a task (dispatcher, fleet-manager)' })
  async assign(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: AssignVehiclesDto,
  ): Promise<TaskAssignmentResponse[]> {
    return (await this.assignments.assign(taskId, body.vehicles)).map(TaskAssignmentResponse.from);
  }

  @Get('tasks/:taskId/vehicles')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Vehicles recorded as serving a task (any role)' })
  async assigned(@Param('taskId', ParseUUIDPipe) taskId: string): Promise<TaskAssignmentResponse[]> {
    return (await this.assignments.list(taskId)).map(TaskAssignmentResponse.from);
  }

  @Post('vehicles/:id/evccids')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOperation({ summary: "Register a vehicle's ISO 15118 EVCCID for session linking (fleet-manager)" })
  async addEvccid(@Param('id', ParseUUIDPipe) id: string, @Body() body: AddEvccidDto): Promise<EvccidsResponse> {
    return { evccids: await this.links.addEvccid(id, body.evccid) };
  }
}
