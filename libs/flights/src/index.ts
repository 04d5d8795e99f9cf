export * from './schedule/schedule-types';
export { parseSsim } from './schedule/ssim-parser';
export { parseFlightCsv, CSV_COLUMNS, splitCsvLine } from './schedule/csv-parser';
export { ssimFile, ssimLegRecord } from './schedule/ssim-writer';
export type { SsimLegSpec } from './schedule/ssim-writer';
export * from './rules/flight-task-rules';
export * from './flight-ref';
