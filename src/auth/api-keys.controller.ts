import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../common/pagination';
import { ApiKeyPage, ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';
import { Roles } from './roles.decorator';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/v1/api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiOperation({ summary: 'Create an API key (admin); the token is shown once' })
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const { key, token } = await this.apiKeys.create(body.name, body.role);
    return { ...ApiKeyResponse.from(key), token };
  }

  @Get()
  @ApiOkResponse({ type: ApiKeyPage })
  @ApiOperation({ summary: 'List API keys (admin)' })
  async list(@Query() query: PageQuery): Promise<ApiKeyPage> {
    const page = await this.apiKeys.list(query.limit, query.offset);
    return { ...page, items: page.items.map(ApiKeyResponse.from) };
  }

  @Delete(':id')
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiOperation({ summary: 'Revoke an API key (admin)' })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyResponse> {
    return ApiKeyResponse.from(await this.apiKeys.revoke(id));
  }
}
