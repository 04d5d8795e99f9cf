import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/roles.decorator';
import { invalidField } from '../../common/field-errors';
import { CLOCK, Clock } from '../../common/clock';
import { SocTrackingService } from '../soc-tracking.service';
import { SocHistoryService } from '../soc/soc-history.service';
import { FleetVehicleResponse, FleetVehiclesQuery, FleetVehiclesResponse } from './fleet-vehicle.dto';
import { SocHistoryPage, SocHistoryPointResponse, SocHistoryQuery } from './soc-history.dto';

@ApiTags('fleet state')
@ApiBearerAuth()
@Controller('api/v1')
export class FleetController {
  constructor(
    private readonly fleet: SocTrackingService,
    private readonly history: SocHistoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('fleet/vehicles')
  @Roles(...READERS)
  @ApiOkResponse({ type: FleetVehiclesResponse })
  @ApiOperation({
    summary: "A site's vehicles with SoC estimate, where they are, their task now and next, drift flags (any role)",
  })
  async vehicles(@Query() query: FleetVehiclesQuery): Promise<FleetVehiclesResponse> {
    const now = this.clock.now();
    const situations = await this.fleet.situations(query.siteId, now);
    return { at: now.toISOString(), items: situations.map(FleetVehicleResponse.from) };
  }

  @Get('vehicles/:id/soc-history')
  @Roles(...READERS)
  @ApiOkResponse({ type: SocHistoryPage })
  @ApiOperation({ summary: "A vehicle's SoC estimates after each input, oldest first (any role)" })
  async socHistory(@Param('id', ParseUUIDPipe) id: string, @Query() query: SocHistoryQuery): Promise<SocHistoryPage> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from > to) throw invalidField('to', 'to must not be before from');
    const [rows, total] = await this.history.page(id, { from, to }, query.limit, query.offset);
    return { items: rows.map(SocHistoryPointResponse.from), total, limit: query.limit, offset: query.offset };
  }
}
