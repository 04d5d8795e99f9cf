const CHECKED_PER_ITEM = 'apron:checked-per-item';

/**
 * Marks a body array whose items its service checks one by one, reporting the bad ones and keeping the good (a
 * telemetry batch): the request-wide input checks leave its items alone, so one bad item cannot fail the request.
 */
export function CheckedPerItem(): PropertyDecorator {
  return (target, key) => {
    const keys: string[] = Reflect.getMetadata(CHECKED_PER_ITEM, target) ?? [];
    Reflect.defineMetadata(CHECKED_PER_ITEM, [...keys, String(key)], target);
  };
}

/** The top-level body fields of `dto` checked per item. */
export function checkedPerItemFields(dto: unknown): string[] {
  if (typeof dto !== 'function') return [];
  return (Reflect.getMetadata(CHECKED_PER_ITEM, dto.prototype as object) as string[] | undefined) ?? [];
}
