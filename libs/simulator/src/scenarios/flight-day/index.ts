export * from './flight-day.types';
export * from './local-hours';
export * from './guangzhou-flights';
export * from './flight-day-ssim';
