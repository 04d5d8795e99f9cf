import { meterRegisterDeltaKwh, meterValueToKwh, SocInputEvent } from '@apron/soc';

/** The last energy register of a session counted so far. */
export interface SessionRegister {
  lastRegisterWh: number | null;
  lastRegisterAt: Date | null;
}

export interface MeterSampleLike {
  at: Date;
  energyWh?: number;
  socPercent?: number;
}

export interface KeyedInput {
  /** Unique per session and input, the estimator's idempotency key too. */
  key: string;
  event: SocInputEvent;
}

export interface SampleInputs {
  inputs: KeyedInput[];
  register: SessionRegister;
  /** Why a register value was not counted (out of order, went backwards). */
  skipped?: string;
}

/**
 * SoC inputs from one meter sample of a session: the charger's SoC reading, and the energy since the previous
 * register reading (`meterRegisterDeltaKwh`, so a repeated or earlier sample adds nothing and a register that went
 * backwards only moves the baseline). Energy is keyed `sessionId:time`, so a replayed sample is a duplicate.
 */
export function sampleInputs(sessionId: string, register: SessionRegister, sample: MeterSampleLike): SampleInputs {
  const atMs = sample.at.getTime();
  const inputs: KeyedInput[] = [];
  let next = register;
  let skipped: string | undefined;
  if (sample.energyWh !== undefined && Number.isFinite(sample.energyWh)) {
    const previousAtMs = register.lastRegisterAt?.getTime() ?? null;
    if (register.lastRegisterWh === null || previousAtMs === null) {
      next = { lastRegisterWh: sample.energyWh, lastRegisterAt: sample.at };
    } else if (atMs <= previousAtMs) {
      const repeat = atMs === previousAtMs && sample.energyWh === register.lastRegisterWh;
      if (!repeat) skipped = `register sample at ${sample.at.toISOString()} is not after the last counted one`;
    } else {
      const deltaKwh = meterRegisterDeltaKwh(
        meterValueToKwh(register.lastRegisterWh),
        meterValueToKwh(sample.energyWh),
      );
      if (deltaKwh === null) skipped = `register went backwards at ${sample.at.toISOString()}`;
      else if (deltaKwh > 0) {
        const key = `${sessionId}:${atMs}`;
        inputs.push({ key: `energy:${key}`, event: { kind: 'energy-delivered', atMs, energyKwh: deltaKwh, id: key } });
      }
      next = { lastRegisterWh: sample.energyWh, lastRegisterAt: sample.at };
    }
  }
  if (sample.socPercent !== undefined && sample.socPercent >= 0 && sample.socPercent <= 100) {
    const id = `charger:${sessionId}:${atMs}`;
    inputs.push({ key: id, event: { kind: 'reading', source: 'charger', atMs, socPercent: sample.socPercent, id } });
  }
  return { inputs, register: next, skipped };
}
