/**
 * Turns one MeterValue (1.6 §7.31 / 2.0.1 MeterValueType) into a version-neutral meter sample.
 * Both versions default the measurand to Energy.Active.Import.Register (1.6 §7.45, 2.0.1 SampledValueType)
 * and the unit to Wh for energy, W for power (1.6 §7.46, 2.0.1 UnitOfMeasureType; 2.0.1 adds a
 * power-of-ten multiplier).
 */
import { MeterSampleEvent } from '../events/ocpp-event.types';

/** A sampled value with its unit already separated, the same for both versions. */
export interface RawSampledValue {
  value: number;
  measurand?: string;
  unit?: string;
  /** 2.0.1 unitOfMeasure.multiplier: value × 10^multiplier. */
  multiplier?: number;
  phase?: string;
  context?: string;
  location?: string;
}

type SampleFields = Omit<MeterSampleEvent, 'type' | 'evseId' | 'transactionId' | 'at' | 'context'>;

const UNIT_SCALE: Record<string, number> = { kWh: 1000, kW: 1000, kvarh: 1000, kvar: 1000, kVA: 1000 };

function scaled(sample: RawSampledValue): number {
  const unitScale = sample.unit ? (UNIT_SCALE[sample.unit] ?? 1) : 1;
  return sample.value * unitScale * 10 ** (sample.multiplier ?? 0);
}

const PER_PHASE = new Set(['L1', 'L2', 'L3', 'L1-N', 'L2-N', 'L3-N']);

/** Values of one measurand, excluding the EV-side and inlet readings when an outlet or unlocated one exists. */
function readingsOf(samples: RawSampledValue[], measurand: string): RawSampledValue[] {
  const matching = samples.filter((s) => (s.measurand ?? 'Energy.Active.Import.Register') === measurand);
  const atOutlet = matching.filter((s) => s.location === undefined || s.location === 'Outlet');
  return atOutlet.length > 0 ? atOutlet : matching;
}

type Combine = 'sum' | 'max' | 'mean';

/** The unphased value if present; otherwise combine the per-phase values (L-N phases; N is ignored). */
function combined(samples: RawSampledValue[], measurand: string, combine: Combine): number | undefined {
  const readings = readingsOf(samples, measurand);
  const total = readings.find((s) => s.phase === undefined);
  if (total) return scaled(total);
  const phases = readings.filter((s) => s.phase !== undefined && PER_PHASE.has(s.phase)).map(scaled);
  if (phases.length === 0) return undefined;
  if (combine === 'sum') return phases.reduce((a, b) => a + b, 0);
  if (combine === 'max') return Math.max(...phases);
  return phases.reduce((a, b) => a + b, 0) / phases.length;
}

/** Fields of a meter sample from the sampled values of one MeterValue element; absent measurands stay undefined. */
export function sampleFields(samples: RawSampledValue[]): SampleFields {
  const fields: SampleFields = {
    energyWh: combined(samples, 'Energy.Active.Import.Register', 'sum'),
    energyExportWh: combined(samples, 'Energy.Active.Export.Register', 'sum'),
    powerW: combined(samples, 'Power.Active.Import', 'sum'),
    powerOfferedW: combined(samples, 'Power.Offered', 'sum'),
    socPercent: combined(samples, 'SoC', 'max'),
    currentA: combined(samples, 'Current.Import', 'max'),
    currentOfferedA: combined(samples, 'Current.Offered', 'max'),
    voltageV: combined(samples, 'Voltage', 'mean'),
  };
  for (const key of Object.keys(fields) as (keyof SampleFields)[]) {
    if (fields[key] === undefined) delete fields[key];
  }
  return fields;
}

/** The reading context shared by the samples (the first one given), e.g. Sample.Periodic or Transaction.End. */
export function sampleContext(samples: RawSampledValue[]): string | undefined {
  return samples.find((s) => s.context !== undefined)?.context;
}

/** One meter.sample event per MeterValue, whichever version's shape `rawSamples` reads. */
export function meterSampleEvents<M extends { timestamp: string }>(
  meterValues: M[],
  rawSamples: (meterValue: M) => RawSampledValue[],
  evseId: number | undefined,
  transactionId: string | undefined,
): MeterSampleEvent[] {
  return meterValues.map((meterValue) => {
    const raw = rawSamples(meterValue);
    return {
      type: 'meter.sample',
      evseId,
      transactionId,
      at: new Date(meterValue.timestamp),
      context: sampleContext(raw),
      ...sampleFields(raw),
    };
  });
}
