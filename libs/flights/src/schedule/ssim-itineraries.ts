import { FileError, FileWarning } from './schedule-types';
import type { SsimLeg } from './ssim-leg-record';

/**
 * The legs of one itinerary variation (carrier, number with suffix, itinerary variation, period start) in leg
 * sequence order: a sequence number twice is an error; a leg that does not leave from where the previous one arrived
 * is a warning (the legs are still imported, each on its own).
 */
export function itineraryChecks(legs: SsimLeg[]): { errors: FileError[]; warnings: FileWarning[] } {
  const errors: FileError[] = [];
  const warnings: FileWarning[] = [];
  const itineraries = new Map<string, SsimLeg[]>();
  for (const leg of legs) {
    const key = `${leg.carrier}|${leg.number}|${leg.itineraryVariation}|${leg.periodFrom}`;
    itineraries.set(key, [...(itineraries.get(key) ?? []), leg]);
  }
  for (const itinerary of itineraries.values()) {
    const ordered = [...itinerary].sort((a, b) => a.legSequence - b.legSequence);
    ordered.forEach((leg, index) => {
      const previous = ordered[index - 1];
      if (!previous) return;
      if (previous.legSequence === leg.legSequence) {
        const message = `leg sequence ${leg.legSequence} of flight ${leg.carrier} ${leg.number} itinerary ${leg.itineraryVariation} is also on line ${previous.line}`;
        errors.push({ line: leg.line, column: 12, message });
      } else if (previous.arrivalStation !== leg.departureStation) {
        const message = `leg ${leg.legSequence} of flight ${leg.carrier} ${leg.number} leaves ${leg.departureStation}, but leg ${previous.legSequence} arrives at ${previous.arrivalStation}`;
        warnings.push({ line: leg.line, message });
      }
    });
  }
  return { errors, warnings };
}
