import { DispatchOverrides1795600000000 } from '../database/migrations/1795600000000-dispatch-overrides';
import { OverrideRecord } from './overrides/override-record.entity';

/** Registered in src/database/data-source-options.ts. */
export const DISPATCH_ENTITIES = [OverrideRecord];
export const DISPATCH_MIGRATIONS = [DispatchOverrides1795600000000];
