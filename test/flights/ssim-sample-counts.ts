/**
 * The real sample (../shared/data/ssim/sample.ssim beside the checkout; see its README). Counted independently
 * of this parser: for each type 3 record, period of operation (columns 15-28) covering the date and the date's
 * weekday among the days of operation (29-35); every record has frequency blank (column 36) and blank date
 * variations (193-194). Departures have RUN in columns 37-39, arrivals in 55-57. On Thu 9 Jun 2005 that is lines
 * 11, 12, 198, 218, 259, 260, 310, 311, 367 and 428: flights 41, 201, 205, 545, 975 depart, 42, 202, 206, 546, 974
 * arrive (5 + 5). Thu 14 Jul 2005: 9 + 10; Wed 10 Aug 2005: 10 + 8; Sun 30 Oct 2005 (the second carrier
 * block, line 535): flight 974 departs, 1 + 0. Counted by a short Python script that reads only those columns
 * (datetime.strptime('%d%b%y'), isoweekday), and the 9 Jun list checked by eye against the file.
 */
export const SAMPLE_RUN_COUNTS: Record<string, { departures: number; arrivals: number }> = {
  '2005-06-09': { departures: 5, arrivals: 5 },
  '2005-07-14': { departures: 9, arrivals: 10 },
  '2005-08-10': { departures: 10, arrivals: 8 },
  '2005-10-30': { departures: 1, arrivals: 0 },
};
