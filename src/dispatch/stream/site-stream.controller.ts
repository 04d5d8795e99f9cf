import { Controller, MessageEvent, Param, ParseUUIDPipe, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Observable, takeUntil } from 'rxjs';
import { ApiKeysService } from '../../auth/api-keys.service';
import { READERS, Roles } from '../../auth/roles.decorator';
import { Actor, CurrentActor } from '../../auth/actor.decorator';
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
    private readonly apiKeys: ApiKeysService,
  ) {}

  @Sse(STREAM_ROUTE)
  @Roles(...READERS)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An open event stream', content: { 'text/event-stream': {} } })
  @ApiQuery({ name: 'access_token', required: false, description: 'API key, for EventSource (cannot set headers)' })
  @ApiOperation({
    summary:
      'Live events of the site (Server-Sent Events): plan.applied, assignments.changed, override, alert; heartbeat comment every 15 s; ends when its API key is revoked (any role)',
  })
  async open(
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @CurrentActor() actor: Actor,
  ): Promise<Observable<MessageEvent>> {
    await this.sites.get(siteId);
    const events = this.stream.of(siteId);
    // Completing the observable ends the response: a revoked key's stream closes at once.
    return actor.apiKeyId ? events.pipe(takeUntil(this.apiKeys.revocationOf(actor.apiKeyId))) : events;
  }
}
