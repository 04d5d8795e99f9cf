import { FieldError } from '../field-errors';

/** Deeper than any request body of the API (a site's tariff steps are 3 levels down); far below a stack overflow. */
export const MAX_INPUT_DEPTH = 16;
/** No object of the API has this many fields; the longest array is a tariff's 10,000 steps. */
export const MAX_OBJECT_FIELDS = 100;
export const MAX_ARRAY_ITEMS = 10_000;
/**
 * Validation time grows with the number of values, not bytes: a 2 MB object of 200,000 fields held the event loop for
 * half a minute. A site with 10,000 tariff steps has about 30,000 values.
 */
export const MAX_INPUT_VALUES = 100_000;

// A lone surrogate cannot be encoded as UTF-8; PostgreSQL text cannot hold NUL.
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function textProblem(text: string): string | undefined {
  if (NUL.test(text)) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

/**
 * Finds what no field of the API may hold, anywhere in a parsed body or query: nesting deeper than MAX_INPUT_DEPTH,
 * too many values, NUL characters and lone surrogates in strings or keys. Iterative, so a hostile depth cannot
 * overflow the stack; stops at the first few problems. Text under a path where `perItem(path)` holds is left to a
 * rule that checks it item by item (depth and size still count: they would break the parsing of every item).
 */
export function unsafeValues(
  value: unknown,
  rootName: string,
  perItem: (path: string) => boolean = () => false,
): FieldError[] {
  const problems: FieldError[] = [];
  const fail = (path: string, message: string) => problems.push({ field: path || rootName, messages: [message] });
  const pending: { value: unknown; path: string; depth: number; checkText: boolean }[] = [
    { value, path: '', depth: 0, checkText: true },
  ];
  let values = 0;
  while (pending.length > 0 && problems.length < 10) {
    const { value: current, path, depth, checkText } = pending.pop()!;
    if (++values > MAX_INPUT_VALUES) {
      fail('', `${rootName} holds more than ${MAX_INPUT_VALUES} values`);
      break;
    }
    if (typeof current === 'string') {
      const problem = checkText ? textProblem(current) : undefined;
      if (problem) fail(path, `${path || rootName} ${problem}`);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      fail(path, `${path || rootName} is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      continue;
    }
    const size = Array.isArray(current) ? current.length : Object.keys(current).length;
    const limit = Array.isArray(current) ? MAX_ARRAY_ITEMS : MAX_OBJECT_FIELDS;
    if (size > limit) {
      fail(path, `${path || rootName} has ${size} ${Array.isArray(current) ? 'items' : 'fields'}, more than ${limit}`);
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      const childText = checkText && !perItem(childPath);
      const keyProblem = childText ? textProblem(key) : undefined;
      if (keyProblem) fail(childPath, `field name ${keyProblem}`);
      else pending.push({ value: child, path: childPath, depth: depth + 1, checkText: childText });
    }
  }
  return problems;
}
