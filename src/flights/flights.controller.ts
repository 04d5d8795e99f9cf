import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor.decorator';
import { READERS, Roles } from '../auth/roles.decorator';
import { invalidField } from '../common/field-errors';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  FlightListQuery,
  FlightResponse,
  FlightUpdatesResponse,
  ImportSummaryResponse,
  ScheduleQuery,
  StandDto,
  StandsDto,
} from './dto/flight.dto';
import { FlightUpdatesDto } from './dto/flight-update.dto';
import { FlightUpdatesService } from './flight-updates.service';
import { FlightsService } from './flights.service';
import { ScheduleImportService } from './schedule-import.service';

/** DESIGN.md §8 under /api/v1/sites/{siteId}. */
@ApiTags('flights')
@ApiBearerAuth()
@Controller('api/v1/sites/:siteId')
export class FlightsController {
  constructor(
    private readonly flights: FlightsService,
    private readonly imports: ScheduleImportService,
    private readonly updates: FlightUpdatesService,
  ) {}

  @Put('stands')
  @Roles('fleet-manager')
  @ApiOkResponse({ type: StandsDto })
  @ApiOperation({ summary: "Replace the site's stand table (fleet-manager)" })
  async putStands(@Param('siteId', ParseUUIDPipe) siteId: string, @Body() body: StandsDto): Promise<StandsDto> {
    return { stands: (await this.flights.replaceStands(siteId, body.stands)).map(standResponse) };
  }

  @Get('stands')
  @Roles(...READERS)
  @ApiOkResponse({ type: StandsDto })
  @ApiOperation({ summary: "The site's stands (any role)" })
  async getStands(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<StandsDto> {
    return { stands: (await this.flights.listStands(siteId)).map(standResponse) };
  }

  @Post('flight-schedule')
  @HttpCode(200)
  @Roles('fleet-manager', 'flight-feed')
  @ApiConsumes('text/plain', 'text/csv')
  @ApiErrors(413, 415)
  @ApiBody({
    schema: { type: 'string' },
    description: 'An IATA SSIM Chapter 7 file (text/plain) or a §8 CSV (text/csv)',
  })
  @ApiOkResponse({ type: ImportSummaryResponse })
  @ApiOperation({
    summary: 'Import a flight schedule, SSIM or CSV; a file with errors stores nothing (fleet-manager, flight-feed)',
  })
  async importSchedule(
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Query() query: ScheduleQuery,
  ): Promise<ImportSummaryResponse> {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'text/plain' && type !== 'text/csv') {
      throw new UnsupportedMediaTypeException('Send an SSIM file as text/plain or a CSV as text/csv');
    }
    if (query.from && query.to && query.from > query.to) throw invalidField('to', 'to must not be before from');
    const text = typeof body === 'string' ? body : '';
    return this.imports.import(siteId, text, type === 'text/csv' ? 'csv' : 'ssim', query.from, query.to);
  }

  @Post('flights')
  @HttpCode(200)
  @Roles('flight-feed', 'dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: FlightUpdatesResponse })
  @ApiOperation({
    summary:
      'Live flight updates, upserted by carrier, number, operating date and direction (flight-feed, dispatcher, fleet-manager)',
  })
  async postFlights(
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @Body() body: FlightUpdatesDto,
    @CurrentActor() actor: Actor,
  ): Promise<FlightUpdatesResponse> {
    const outcome = await this.updates.apply(siteId, body.flights, actor);
    const flights = (await this.flights.withTaskIds(outcome.flights)).map((row) =>
      FlightResponse.from(row.flight, row.taskIds),
    );
    return { ...outcome, flights };
  }

  @Get('flights')
  @Roles(...READERS)
  @ApiOkResponse({ type: [FlightResponse] })
  @ApiOperation({ summary: 'Flights scheduled in [from, to), each with its taskIds (any role)' })
  async listFlights(
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @Query() query: FlightListQuery,
  ): Promise<FlightResponse[]> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to) throw invalidField('to', 'to must be after from');
    return (await this.flights.list(siteId, from, to)).map((row) => FlightResponse.from(row.flight, row.taskIds));
  }
}

function standResponse(stand: {
  standId: string;
  kind: StandDto['kind'];
  busMinutesOneWay: number;
  distanceKmOneWay: number;
}): StandDto {
  return {
    id: stand.standId,
    kind: stand.kind,
    busMinutesOneWay: stand.busMinutesOneWay,
    distanceKmOneWay: stand.distanceKmOneWay,
  };
}
