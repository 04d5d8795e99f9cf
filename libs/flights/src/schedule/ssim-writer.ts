/** Writes SSIM Chapter 7 files (types 1, 2, 3, 5; 200 columns): for the demo, the benchmark and tests. */

export interface SsimLegSpec {
  carrier: string;
  number: number;
  suffix?: string;
  itineraryVariation?: number;
  legSequence?: number;
  serviceType?: string;
  /** DDMMMYY, e.g. 08DEC26. */
  periodFrom: string;
  periodTo: string;
  /** e.g. '1234567' or '1 3 5  '. */
  days: string;
  frequency?: ' ' | '2';
  from: string;
  departure: string;
  departureOffset: string;
  to: string;
  arrival: string;
  arrivalOffset: string;
  aircraftType: string;
  configuration?: string;
  departureDateVariation?: string;
  arrivalDateVariation?: string;
}

export function ssimFile(carrier: string, timeMode: 'L' | 'U', legs: SsimLegSpec[]): string {
  let serial = 1;
  const records = [put(put(blank(), 1, '1'), 2, 'AIRLINE STANDARD SCHEDULE DATA SET')];
  const period = legs[0] ? `${legs[0].periodFrom}${legs[0].periodTo}` : '';
  records.push(put(put(put(blank(), 1, `2${timeMode}`), 3, carrier.padEnd(3)), 15, period));
  for (const leg of legs) records.push(ssimLegRecord(leg));
  records.push(put(put(blank(), 1, '5 '), 3, carrier.padEnd(3)));
  return `${records.map((record) => put(record, 195, String(serial++).padStart(6, '0'))).join('\n')}\n`;
}

export function ssimLegRecord(leg: SsimLegSpec): string {
  let record = put(blank(), 1, `3${leg.suffix ?? ' '}${leg.carrier.padEnd(3)}`);
  record = put(record, 6, String(leg.number).padStart(4));
  record = put(record, 10, String(leg.itineraryVariation ?? 1).padStart(2, '0'));
  record = put(record, 12, String(leg.legSequence ?? 1).padStart(2, '0'));
  record = put(record, 14, `${leg.serviceType ?? 'J'}${leg.periodFrom}${leg.periodTo}${leg.days.padEnd(7)}`);
  record = put(record, 36, leg.frequency ?? ' ');
  record = put(record, 37, `${leg.from}${leg.departure}${leg.departure}${leg.departureOffset}`);
  record = put(record, 55, `${leg.to}${leg.arrival}${leg.arrival}${leg.arrivalOffset}`);
  record = put(record, 73, leg.aircraftType.padEnd(3));
  if (leg.configuration) record = put(record, 173, leg.configuration);
  return put(record, 193, `${leg.departureDateVariation ?? ' '}${leg.arrivalDateVariation ?? ' '}`);
}

function blank(): string {
  return ' '.repeat(200);
}

/** Writes `text` at 1-based `column`. */
function put(record: string, column: number, text: string): string {
  return record.slice(0, column - 1) + text + record.slice(column - 1 + text.length);
}
