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
import {
  AddEvccidDto,
  CreateVehicleDto,
  EvccidsResponse,
  ListVehiclesQuery,
  UpdateVehicleDto,
  VehiclePage,
  VehicleResponse,
} from './vehicle.dto';
import { VehicleIdentityService } from './vehicle-identity.service';
import { VehiclesService } from './vehicles.service';

@ApiTags('vehicles')
@ApiBearerAuth()
@Controller('api/v1/vehicles')
export class VehiclesController {
  constructor(
    private readonly vehicles: VehiclesService,
    private readonly identity: VehicleIdentityService,
  ) {}

  @Post()
  @Roles('fleet-manager')
  @ApiCreatedResponse({ type: VehicleResponse })
  @ApiErrors(409)
  @IdempotentCreate()
  @ApiOperation({ summary: 'Create a vehicle (fleet-manager)' })
  async create(@Body() body: CreateVehicleDto): Promise<VehicleResponse> {
    return VehicleResponse.from(await this.vehicles.create(body));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: VehiclePage })
  @ApiOperation({ summary: 'List vehicles, by site, type and in-service (any role)' })
  async list(@Query() query: ListVehiclesQuery): Promise<VehiclePage> {
    const filter = { siteId: query.siteId, type: query.type, inService: query.inService };
    const page = await this.vehicles.list(filter, query.limit, query.offset);
    return { ...page, items: page.items.map(VehicleResponse.from) };
  }

  @Get(':id')
  @Roles(...READERS)
  @VersionedRead(VehicleResponse)
  @ApiOperation({ summary: 'Get a vehicle (any role)' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<VehicleResponse> {
    return VehicleResponse.from(await this.vehicles.get(id));
  }

  @Patch(':id')
  @Roles('fleet-manager')
  @VersionedUpdate(VehicleResponse)
  @ApiErrors(409)
  @ApiOperation({ summary: 'Change some fields of a vehicle, e.g. take it out of service (fleet-manager)' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateVehicleDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<VehicleResponse> {
    return VehicleResponse.from(await this.vehicles.update(id, body, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('fleet-manager')
  @ApiNoContentResponse()
  @ApiErrors(409)
  @ApiOperation({ summary: 'Delete a vehicle (fleet-manager)' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.vehicles.remove(id);
  }

  @Post(':id/evccids')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: EvccidsResponse })
  @ApiErrors(409)
  @ApiOperation({ summary: "Register a vehicle's ISO 15118 EVCCID for session linking (fleet-manager)" })
  async addEvccid(@Param('id', ParseUUIDPipe) id: string, @Body() body: AddEvccidDto): Promise<EvccidsResponse> {
    return { evccids: await this.identity.addEvccid(id, body.evccid) };
  }
}
