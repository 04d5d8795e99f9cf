import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import { TelemetryBatchDto, TelemetryResultResponse } from './telemetry.dto';
import { TelemetryService } from './telemetry.service';

@ApiTags('telemetry')
@ApiBearerAuth()
@Controller('api/v1/telemetry')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryService) {}

  @Post()
  @HttpCode(200)
  @Roles('telemetry')
  @ApiOkResponse({ type: TelemetryResultResponse })
  @ApiOperation({
    summary: 'Push a batch of vehicle readings (telemetry); bad readings are listed, the others stored',
  })
  ingest(@Body() body: TelemetryBatchDto): Promise<TelemetryResultResponse> {
    return this.telemetry.ingest(body.readings);
  }
}
