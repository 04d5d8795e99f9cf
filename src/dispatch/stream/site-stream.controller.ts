import { Controller, MessageEvent, Param, ParseUUIDPipe, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { READERS, Roles } from '../../auth/roles.decorator';
import { SitesService } from '../../sites/sites.service';
import { SiteStream } from './site-stream';

export const STREAM_ROUTE = 'api/v1/sites/:siteId/stream';

@ApiTags('dispatch')
@ApiBearerAuth()
@Controller()
export class SiteStreamController {
  constructor(
    private readonly sites: SitesService,
    private readonly stream: SiteStream,
  ) {}

  @Sse(STREAM_ROUTE)
  @Roles(...READERS)
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'access_token', required: false, description: 'API key, for EventSource (cannot set headers)' })
  @ApiOperation({
    summary:
      'Live events of the site (Server-Sent Events): plan.applied, assignments.changed, override, alert; heartbeat comment every 15 s (any role)',
  })
  async open(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<Observable<MessageEvent>> {
    await this.sites.get(siteId);
    return this.stream.of(siteId);
  }
}
