import { randomUUID } from 'node:crypto';

/** Ids a proxy or client may pass in X-Request-Id: short and plain, so they cannot forge or break a log line. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when well-formed, else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
}
