import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/roles.decorator';
import { AlertsResponse, TaskBoardQuery, TaskBoardResponse, VehicleBoardResponse } from './board.dto';
import { DispatchBoardService } from './dispatch-board.service';

@ApiTags('dispatch')
@ApiBearerAuth()
@Controller('api/v1/sites/:siteId')
export class DispatchBoardController {
  constructor(private readonly board: DispatchBoardService) {}

  @Get('tasks')
  @Roles(...READERS)
  @ApiOkResponse({ type: TaskBoardResponse })
  @ApiOperation({
    summary:
      'Task board: tasks overlapping [from, to) (default the next 24 h) with assigned vehicles, their SoC at start, risk',
  })
  taskBoard(
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @Query() query: TaskBoardQuery,
  ): Promise<TaskBoardResponse> {
    const window = {
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    };
    return this.board.taskBoard(siteId, window, query.limit, query.offset);
  }

  @Get('vehicles')
  @Roles(...READERS)
  @ApiOkResponse({ type: VehicleBoardResponse })
  @ApiOperation({
    summary: 'Vehicles with status, next assignment and next charge instruction from the plan (any role)',
  })
  vehicleBoard(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<VehicleBoardResponse> {
    return this.board.vehicleBoard(siteId);
  }

  @Get('alerts')
  @Roles(...READERS)
  @ApiOkResponse({ type: AlertsResponse })
  @ApiOperation({ summary: 'Current alerts of the site and recent alert events (any role)' })
  alerts(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<AlertsResponse> {
    return this.board.alerts(siteId);
  }
}
