import { Body, Controller, HttpCode, Inject, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ChargerRefService } from '../read/charger-ref.service';
import { CHARGER_COMMANDS, ChargerCommands } from './charger-commands';
import {
  ChangeAvailabilityDto,
  ClearChargingProfileDto,
  CommandOutcomeResponse,
  CompositeScheduleDto,
  GetConfigurationDto,
  RemoteStartDto,
  RemoteStopDto,
  ResetDto,
  SetChargingProfileDto,
  SetConfigurationDto,
  TriggerMessageDto,
  UnlockConnectorDto,
} from './charger-command.dto';
import { CommandErrorFilter } from './command-error.filter';

/** `{id}` is the charger's uuid or its charge point id. Every command answers with the charger's own answer. */
@ApiTags('charger commands')
@ApiBearerAuth()
@Controller('api/v1/chargers/:id')
@UseFilters(CommandErrorFilter)
export class ChargerCommandsController {
  constructor(
    @Inject(CHARGER_COMMANDS) private readonly commands: ChargerCommands,
    private readonly chargers: ChargerRefService,
  ) {}

  private async target(id: string): Promise<string> {
    return (await this.chargers.resolve(id)).chargePointId;
  }

  @Post('charging-profiles')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'Send a charging profile built from kW per slot (fleet-manager)' })
  async setProfile(@Param('id') id: string, @Body() body: SetChargingProfileDto): Promise<CommandOutcomeResponse> {
    return this.commands.setPowerProfile(await this.target(id), body);
  }

  @Post('charging-profiles/clear')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'Clear charging profiles by id or purpose/EVSE/stack level (fleet-manager)' })
  async clearProfile(@Param('id') id: string, @Body() body: ClearChargingProfileDto): Promise<CommandOutcomeResponse> {
    return this.commands.clearChargingProfile(await this.target(id), body);
  }

  @Post('composite-schedule')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'Ask the charger for its composite schedule (fleet-manager)' })
  async composite(@Param('id') id: string, @Body() body: CompositeScheduleDto): Promise<CommandOutcomeResponse> {
    return this.commands.getCompositeSchedule(await this.target(id), body);
  }

  @Post('remote-start')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'RemoteStartTransaction / RequestStartTransaction (fleet-manager)' })
  async remoteStart(@Param('id') id: string, @Body() body: RemoteStartDto): Promise<CommandOutcomeResponse> {
    return this.commands.remoteStart(await this.target(id), body);
  }

  @Post('remote-stop')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'RemoteStopTransaction / RequestStopTransaction (fleet-manager)' })
  async remoteStop(@Param('id') id: string, @Body() body: RemoteStopDto): Promise<CommandOutcomeResponse> {
    return this.commands.remoteStop(await this.target(id), body);
  }

  @Post('trigger-message')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'TriggerMessage (fleet-manager)' })
  async trigger(@Param('id') id: string, @Body() body: TriggerMessageDto): Promise<CommandOutcomeResponse> {
    return this.commands.triggerMessage(await this.target(id), body);
  }

  @Post('configuration')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'ChangeConfiguration / SetVariables (fleet-manager)' })
  async setConfiguration(@Param('id') id: string, @Body() body: SetConfigurationDto): Promise<CommandOutcomeResponse> {
    return this.commands.setConfiguration(await this.target(id), body.settings);
  }

  @Post('configuration/read')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'GetConfiguration / GetVariables (fleet-manager)' })
  async getConfiguration(@Param('id') id: string, @Body() body: GetConfigurationDto): Promise<CommandOutcomeResponse> {
    return this.commands.getConfiguration(await this.target(id), body.keys);
  }

  @Post('configuration/soc-meter-values')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'Enable energy, power and SoC in periodic meter values (fleet-manager)' })
  async enableSoc(@Param('id') id: string): Promise<CommandOutcomeResponse> {
    return this.commands.enableSocMeterValues(await this.target(id));
  }

  @Post('availability')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'ChangeAvailability (fleet-manager)' })
  async availability(@Param('id') id: string, @Body() body: ChangeAvailabilityDto): Promise<CommandOutcomeResponse> {
    return this.commands.changeAvailability(await this.target(id), body);
  }

  @Post('reset')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'Reset (fleet-manager)' })
  async reset(@Param('id') id: string, @Body() body: ResetDto): Promise<CommandOutcomeResponse> {
    return this.commands.reset(await this.target(id), body);
  }

  @Post('unlock-connector')
  @HttpCode(200)
  @Roles('fleet-manager')
  @ApiOkResponse({ type: CommandOutcomeResponse })
  @ApiErrors(409, 502, 504)
  @ApiOperation({ summary: 'UnlockConnector (fleet-manager)' })
  async unlock(@Param('id') id: string, @Body() body: UnlockConnectorDto): Promise<CommandOutcomeResponse> {
    return this.commands.unlockConnector(await this.target(id), body);
  }
}
