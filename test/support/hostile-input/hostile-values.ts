import fc from 'fast-check';

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

const deepNesting = fc
  .tuple(fc.integer({ min: 17, max: 3000 }), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => nested(depth, kind));
const withNul = fc
  .string({ maxLength: 20 })
  .chain((text) => fc.nat(text.length).map((at) => `${text.slice(0, at)}\u0000${text.slice(at)}`));
const loneSurrogate = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'),
    fc.string({ maxLength: 8 }),
  )
  .map((parts) => parts.join(''));
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 1e20, 2 ** 53 + 2, 1e-308);
const negative = fc.double({ max: -1e-9, noNaN: true, noDefaultInfinity: true });
const wrongType = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
  fc.constant([]),
);
const hugeString = fc.integer({ min: 1_000, max: 200_000 }).map((length) => 'x'.repeat(length));
const manyValues = fc
  .tuple(fc.integer({ min: 101, max: 50_000 }), fc.boolean())
  .map(([count, asArray]) =>
    asArray
      ? Array.from({ length: count * 4 }, () => 'x')
      : Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, 'x'])),
  );
const oddText = fc.constantFrom('', ' ', '\u202e', '💥', '<script>alert(1)</script>', "'; DROP TABLE sites; --", 'NaN');

/** A value no field of the API should take, of the kinds the probe found 500s with, and a few more. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  deepNesting,
  withNul,
  loneSurrogate,
  fc.constant(null),
  hugeNumber,
  negative,
  wrongType,
  hugeString,
  manyValues,
  oddText,
  fc.jsonValue({ maxDepth: 3 }),
);

const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version'), fc.string());

/** Where in `base` a value can be put: every field, nested fields and array items, as key paths. */
export function pathsOf(base: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof base !== 'object' || base === null) return [];
  return Object.entries(base).flatMap(([key, value]) => {
    const path = [...prefix, Array.isArray(base) ? Number(key) : key];
    return [path, ...pathsOf(value, path)];
  });
}

function withValueAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const container = typeof base === 'object' && base !== null ? base : {};
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head] = withValueAt(copy[head], rest, value);
  return copy;
}

/** A bad body for an operation whose plausible body is `base`: hostile values in its fields, or in its place. */
export function badBody(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const inFields =
    paths.length === 0
      ? []
      : [
          fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => withValueAt(base, path, value)),
          fc
            .array(fc.tuple(fc.constantFrom(...paths), hostileValue), { minLength: 2, maxLength: 4 })
            .map((changes) => changes.reduce((body, [path, value]) => withValueAt(body, path, value), base)),
        ];
  return fc.oneof(
    ...inFields,
    hostileValue,
    fc.constant({}),
    fc
      .tuple(extraKey, hostileValue)
      .map(([key, value]) => ({ ...(typeof base === 'object' ? base : {}), [key]: value })),
  );
}
