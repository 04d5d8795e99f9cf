import { HttpStatus, PreconditionFailedException } from '@nestjs/common';
import { invalidField } from '../field-errors';

/** An entity tag is the resource's `version`, quoted as RFC 9110 asks: `"3"`. */
export function versionETag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header asks for: `3`, `"3"` or `W/"3"`; undefined without the header or with `*` (any
 * version), so a client that sends none updates as before. Anything else is the client's mistake: 400.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) throw invalidField('If-Match', 'If-Match must be one version, e.g. "3" (the ETag of the resource)');
  return Number(match[1]);
}

/** Throws 412 when the client's version is not the stored one: someone changed the resource since the client read it. */
export function assertVersion(what: string, currentVersion: number, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || expectedVersion === currentVersion) return;
  throw new PreconditionFailedException({
    statusCode: HttpStatus.PRECONDITION_FAILED,
    error: 'Precondition Failed',
    message: `${what} is at version ${currentVersion}, not ${expectedVersion}: read it again and re-apply your change`,
    currentVersion,
  });
}
