import { Injectable } from '@nestjs/common';
import { map16, map201, MeterSampleEvent, V16MeterValuesRequest, V201MeterValuesRequest } from '@apron/ocpp-model';
import { OcppCallContext, OcppHandlerBlock } from '../gateway/ocpp-handler';
import { SessionsService } from '../sessions/sessions.service';

const samplesOf = (events: ReturnType<typeof map16>) =>
  events.filter((event): event is MeterSampleEvent => event.type === 'meter.sample');

/**
 * MeterValues of both versions (1.6 §4.7, 2.0.1 J01/J02), answered once its samples are committed (with those of
 * other chargers, in one batch); energy is counted from the register and samples are stored once, so a repeated
 * message adds nothing. If they cannot be stored the charger gets an error instead of a confirmation, and sends again.
 */
@Injectable()
export class MeterValuesHandlers implements OcppHandlerBlock {
  constructor(private readonly sessions: SessionsService) {}

  handlers() {
    return {
      '1.6': {
        MeterValues: async (context: OcppCallContext, request: V16MeterValuesRequest) => {
          await this.sessions.recordSamples(context, samplesOf(map16('MeterValues', request)));
          return {};
        },
      },
      '2.0.1': {
        MeterValues: async (context: OcppCallContext, request: V201MeterValuesRequest) => {
          await this.sessions.recordSamples(context, samplesOf(map201('MeterValues', request)));
          return {};
        },
      },
    };
  }
}
