import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/roles.decorator';
import { ChargerRefService } from './charger-ref.service';
import { ConnectionStateResponse } from './connection-state.dto';
import { OcppReadService } from './ocpp-read.service';
import {
  ListSessionsQuery,
  MeterSamplePage,
  MeterSampleResponse,
  SessionPage,
  SessionResponse,
  TimeRangeQuery,
} from './session.dto';

@ApiTags('charging sessions')
@ApiBearerAuth()
@Controller('api/v1')
export class OcppReadController {
  constructor(
    private readonly read: OcppReadService,
    private readonly chargers: ChargerRefService,
  ) {}

  @Get('charging-sessions')
  @Roles(...READERS)
  @ApiOkResponse({ type: SessionPage })
  @ApiOperation({ summary: 'List charging sessions by charger, site, vehicle, time, active (any role)' })
  async listSessions(@Query() query: ListSessionsQuery): Promise<SessionPage> {
    const chargePointId = query.chargerId
      ? (await this.chargers.resolve(query.chargerId)).chargePointId
      : query.chargePointId;
    const page = await this.read.listSessions(
      {
        chargePointId,
        siteId: query.siteId,
        vehicleId: query.vehicleId,
        active: query.active,
        from: query.from,
        to: query.to,
      },
      query.limit,
      query.offset,
    );
    return { ...page, items: page.items.map(SessionResponse.from) };
  }

  @Get('charging-sessions/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: SessionResponse })
  @ApiOperation({ summary: 'Get a charging session (any role)' })
  async getSession(@Param('id', ParseUUIDPipe) id: string): Promise<SessionResponse> {
    return SessionResponse.from(await this.read.getSession(id));
  }

  @Get('charging-sessions/:id/meter-samples')
  @Roles(...READERS)
  @ApiOkResponse({ type: MeterSamplePage })
  @ApiOperation({ summary: 'Meter samples of a session, oldest first (any role)' })
  async sessionSamples(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimeRangeQuery,
  ): Promise<MeterSamplePage> {
    await this.read.getSession(id);
    const page = await this.read.listSamples({ sessionId: id }, query, query.limit, query.offset);
    return { ...page, items: page.items.map(MeterSampleResponse.from) };
  }

  @Get('chargers/:id/meter-samples')
  @Roles(...READERS)
  @ApiOkResponse({ type: MeterSamplePage })
  @ApiOperation({ summary: 'Meter samples of a charger (id or charge point id), oldest first (any role)' })
  async chargerSamples(@Param('id') id: string, @Query() query: TimeRangeQuery): Promise<MeterSamplePage> {
    const { chargePointId } = await this.chargers.resolve(id);
    const page = await this.read.listSamples({ chargePointId }, query, query.limit, query.offset);
    return { ...page, items: page.items.map(MeterSampleResponse.from) };
  }

  @Get('chargers/:id/connection')
  @Roles(...READERS)
  @ApiOkResponse({ type: ConnectionStateResponse })
  @ApiOperation({ summary: 'OCPP connection, boot and connector status of a charger (any role)' })
  async connection(@Param('id') id: string): Promise<ConnectionStateResponse> {
    const { chargePointId } = await this.chargers.resolve(id);
    return this.read.connectionState(chargePointId);
  }
}
