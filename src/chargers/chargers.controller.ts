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
import { ChargerPage, ChargerResponse, CreateChargerDto, ListChargersQuery, UpdateChargerDto } from './charger.dto';
import { ChargersService } from './chargers.service';

@ApiTags('chargers')
@ApiBearerAuth()
@Controller('api/v1/chargers')
export class ChargersController {
  constructor(private readonly chargers: ChargersService) {}

  @Post()
  @Roles('fleet-manager')
  @ApiCreatedResponse({ type: ChargerResponse })
  @ApiErrors(409)
  @IdempotentCreate()
  @ApiOperation({ summary: 'Create a charger with its connectors (fleet-manager)' })
  async create(@Body() body: CreateChargerDto): Promise<ChargerResponse> {
    return ChargerResponse.from(await this.chargers.create(body));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ChargerPage })
  @ApiOperation({ summary: 'List chargers, by site and current type (any role)' })
  async list(@Query() query: ListChargersQuery): Promise<ChargerPage> {
    const filter = { siteId: query.siteId, currentType: query.currentType };
    const page = await this.chargers.list(filter, query.limit, query.offset);
    return { ...page, items: page.items.map(ChargerResponse.from) };
  }

  @Get(':id')
  @Roles(...READERS)
  @VersionedRead(ChargerResponse)
  @ApiOperation({ summary: 'Get a charger (any role)' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ChargerResponse> {
    return ChargerResponse.from(await this.chargers.get(id));
  }

  @Patch(':id')
  @Roles('fleet-manager')
  @VersionedUpdate(ChargerResponse)
  @ApiErrors(409)
  @ApiOperation({ summary: 'Change some fields of a charger; connectors, when given, replace the set (fleet-manager)' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateChargerDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<ChargerResponse> {
    return ChargerResponse.from(await this.chargers.update(id, body, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('fleet-manager')
  @ApiNoContentResponse()
  @ApiErrors(409)
  @ApiOperation({ summary: 'Delete a charger and its connectors (fleet-manager)' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.chargers.remove(id);
  }
}
