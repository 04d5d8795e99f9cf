import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { READERS, Roles } from '../../auth/roles.decorator';
import { LinkSessionDto, SessionLinkResponse } from './session-vehicle.dto';
import { SessionVehicleLinks } from './session-vehicle-links';

@ApiTags('charging sessions')
@ApiBearerAuth()
@Controller('api/v1/sessions')
export class SessionVehicleController {
  constructor(private readonly links: SessionVehicleLinks) {}

  @Post(':sessionId/vehicle')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: SessionLinkResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: 'Link a charging session to the vehicle it charges (dispatcher, fleet-manager)' })
  async link(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: LinkSessionDto,
  ): Promise<SessionLinkResponse> {
    return SessionLinkResponse.from(await this.links.link(sessionId, body.vehicle));
  }

  @Get(':sessionId/vehicle')
  @Roles(...READERS)
  @ApiOkResponse({ type: SessionLinkResponse })
  @ApiOperation({ summary: 'Which vehicle a charging session charges, and how that was found (any role)' })
  async linkOf(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<SessionLinkResponse> {
    return SessionLinkResponse.from(await this.links.session(sessionId));
  }
}
