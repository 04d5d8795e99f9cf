import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES } from './api-key.entity';
import type { AuthenticatedRequest } from './auth.guard';
import { MeResponse } from './me.dto';
import { Roles } from './roles.decorator';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: MeResponse })
  @ApiOperation({ summary: "The calling API key's role, name and id (any key)" })
  me(@Req() request: AuthenticatedRequest): MeResponse {
    // The guard authenticated the request before this runs, so the principal is there.
    return MeResponse.from(request.principal!);
  }
}
