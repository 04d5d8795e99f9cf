import type { FileWarning } from '@apron/flights';

/** One warning per stand the stand table does not list (with the first line naming it). */
export function unknownStandWarnings(
  flights: { line?: number; stand: string | null }[],
  known: ReadonlySet<string>,
  defaultStandKind: string,
): FileWarning[] {
  const first = new Map<string, number>();
  for (const flight of flights) {
    if (flight.stand !== null && !known.has(flight.stand) && !first.has(flight.stand)) {
      first.set(flight.stand, flight.line ?? 0);
    }
  }
  return [...first].map(([stand, line]) => ({
    line,
    message: `stand ${stand} is not in the site's stand table; its flights are planned as ${defaultStandKind} (defaultStandKind)`,
  }));
}
