import { V16MeterValue } from '../v16/v16-common.types';
import { MeterSampleEvent } from '../events/ocpp-event.types';
import { meterSampleEvents, RawSampledValue } from './meter-sample.mapper';

/** 1.6 values are decimal strings; signed data (format SignedData) is not a number and is skipped. */
function rawSamples(meterValue: V16MeterValue): RawSampledValue[] {
  return meterValue.sampledValue
    .filter((s) => s.format !== 'SignedData')
    .map((s) => ({
      value: Number(s.value),
      measurand: s.measurand,
      unit: s.unit,
      phase: s.phase,
      context: s.context,
      location: s.location,
    }))
    .filter((s) => Number.isFinite(s.value));
}

export function meterSamplesFromV16(
  meterValues: V16MeterValue[],
  evseId: number | undefined,
  transactionId?: string,
): MeterSampleEvent[] {
  return meterSampleEvents(meterValues, rawSamples, evseId, transactionId);
}
