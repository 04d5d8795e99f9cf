import { EnergyDeliveredEvent, SocReadingEvent, TaskEnergyEvent } from '../soc-types';

/** Test data builders; times are minutes after a fixed morning so tables stay readable. */
export const T0_MS = Date.parse('2026-11-22T06:00:00Z');

export function atMinute(minutes: number): number {
  return T0_MS + minutes * 60_000;
}

export function chargerSoc(minute: number, socPercent: number, id?: string): SocReadingEvent {
  return { kind: 'reading', source: 'charger', atMs: atMinute(minute), socPercent, id };
}

export function telematicsSoc(minute: number, socPercent: number, id?: string): SocReadingEvent {
  return { kind: 'reading', source: 'telematics', atMs: atMinute(minute), socPercent, id };
}

export function delivered(minute: number, energyKwh: number, id?: string): EnergyDeliveredEvent {
  return { kind: 'energy-delivered', atMs: atMinute(minute), energyKwh, id };
}

export function task(startMinute: number, endMinute: number, energyKwh: number, id?: string): TaskEnergyEvent {
  return { kind: 'task', startMs: atMinute(startMinute), endMs: atMinute(endMinute), energyKwh, id };
}

/** Deterministic noise in [-1, 1) (a small LCG), so example tests do not depend on Math.random. */
export function noiseSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32) * 2 - 1;
  };
}
