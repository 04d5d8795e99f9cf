import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
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
import { CreateSiteDto, ListSitesQuery, SitePage, SiteResponse, UpdateSiteDto } from './site.dto';
import { SitesService } from './sites.service';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/v1/sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @Roles('fleet-manager')
  @ApiCreatedResponse({ type: SiteResponse })
  @ApiErrors(409)
  @IdempotentCreate()
  @ApiOperation({ summary: 'Create a site (fleet-manager)' })
  async create(@Body() body: CreateSiteDto): Promise<SiteResponse> {
    return SiteResponse.from(await this.sites.create(body));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: SitePage })
  @ApiOperation({ summary: 'List sites (any role)' })
  async list(@Query() query: ListSitesQuery): Promise<SitePage> {
    const page = await this.sites.list({ kind: query.kind }, query.limit, query.offset);
    return { ...page, items: page.items.map(SiteResponse.from) };
  }

  @Get(':id')
  @Roles(...READERS)
  @VersionedRead(SiteResponse)
  @ApiOperation({ summary: 'Get a site (any role)' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SiteResponse> {
    return SiteResponse.from(await this.sites.get(id));
  }

  @Patch(':id')
  @Roles('fleet-manager')
  @VersionedUpdate(SiteResponse)
  @ApiErrors(409)
  @ApiOperation({ summary: 'Change some fields of a site (fleet-manager)' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSiteDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<SiteResponse> {
    return SiteResponse.from(await this.sites.update(id, body, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('fleet-manager')
  @ApiNoContentResponse()
  @ApiErrors(409)
  @ApiOperation({ summary: 'Delete a site without chargers, vehicles or tasks (fleet-manager)' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.sites.remove(id);
  }
}
