import { V201MeterValue } from '../v201/v201-common.types';
import { MeterSampleEvent } from '../events/ocpp-event.types';
import { meterSampleEvents, RawSampledValue } from './meter-sample.mapper';

function rawSamples(meterValue: V201MeterValue): RawSampledValue[] {
  return meterValue.sampledValue.map((s) => ({
    value: s.value,
    measurand: s.measurand,
    unit: s.unitOfMeasure?.unit,
    multiplier: s.unitOfMeasure?.multiplier,
    phase: s.phase,
    context: s.context,
    location: s.location,
  }));
}

export function meterSamplesFromV201(
  meterValues: V201MeterValue[],
  evseId: number | undefined,
  transactionId?: string,
): MeterSampleEvent[] {
  return meterSampleEvents(meterValues, rawSamples, evseId, transactionId);
}
