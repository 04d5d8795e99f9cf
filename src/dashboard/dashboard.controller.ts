import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../auth/roles.decorator';
import { DashboardResponse } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/v1/sites/:siteId')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  @Roles(...READERS)
  @ApiOkResponse({ type: DashboardResponse })
  @ApiOperation({
    summary:
      "The dashboard's view of a site: plan timeline (power, SoC curves), tariff bands, metered power, charger status (any role)",
  })
  view(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<DashboardResponse> {
    return this.dashboard.view(siteId);
  }
}
