import { FieldError } from '../field-errors';

// @nestjs/swagger's metadata keys (its DECORATORS constants, not exported by the package).
const PROPERTIES = 'swagger/apiModelProperties';
const PROPERTY_NAMES = 'swagger/apiModelPropertiesArray';

type DtoClass = abstract new (...args: never[]) => unknown;

interface DocumentedProperty {
  type?: unknown;
  nullable?: boolean;
}

/**
 * null where the OpenAPI document does not say `nullable`: class-validator's @IsOptional lets null through as if the
 * field were absent, and the service would then store or read it as a value. The document is the contract, so a
 * field that may be cleared with null says so there; nested DTOs and arrays of them are followed.
 */
export function undocumentedNulls(
  dto: unknown,
  body: unknown,
  skip: readonly string[] = [],
  parent = '',
): FieldError[] {
  if (!isDocumentedClass(dto) || typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const record = body as Record<string, unknown>;
  return documentedNames(dto).flatMap((name) => {
    if (!(name in record) || skip.includes(name)) return [];
    const field = parent ? `${parent}.${name}` : name;
    const property = Reflect.getMetadata(PROPERTIES, dto.prototype as object, name) as DocumentedProperty | undefined;
    const value = record[name];
    if (value === null) return property?.nullable ? [] : [{ field, messages: [`${field} may not be null`] }];
    const nested = nestedClass(property?.type);
    if (!nested) return [];
    if (Array.isArray(value))
      return value.flatMap((item, index) => undocumentedNulls(nested, item, [], `${field}.${index}`));
    return undocumentedNulls(nested, value, [], field);
  });
}

function documentedNames(dto: DtoClass): string[] {
  const names = (Reflect.getMetadata(PROPERTY_NAMES, dto.prototype as object) ?? []) as string[];
  return names.map((name) => name.replace(/^:/, ''));
}

function isDocumentedClass(value: unknown): value is DtoClass {
  return typeof value === 'function' && value.prototype !== undefined && documentedNames(value as DtoClass).length > 0;
}

/** `type: Dto`, `type: [Dto]` (stored as Dto with isArray) or a lazy `type: () => Dto`. */
function nestedClass(type: unknown): DtoClass | undefined {
  if (isDocumentedClass(type)) return type;
  if (typeof type === 'function' && type.prototype === undefined) {
    const resolved = (type as () => unknown)();
    const candidate = Array.isArray(resolved) ? resolved[0] : resolved;
    return isDocumentedClass(candidate) ? candidate : undefined;
  }
  return undefined;
}
