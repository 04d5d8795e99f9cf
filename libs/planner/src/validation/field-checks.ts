import { ValidationIssue } from './plan-input.error';

/** Collects issues for one object; each check names the field by its full path. */
export class FieldChecker {
  constructor(
    private readonly issues: ValidationIssue[],
    private readonly path: string,
    private readonly value: Record<string, unknown>,
  ) {}

  fail(field: string, rule: string): void {
    const path = field ? `${this.path}${this.path ? '.' : ''}${field}` : this.path;
    this.issues.push({ field: path, message: `${path} ${rule}` });
  }

  string(field: string, optional = false): string | undefined {
    const value = this.value[field];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.length === 0) {
      this.fail(field, value === undefined ? 'is required' : 'must be a non-empty string');
      return undefined;
    }
    return value;
  }

  time(field: string, optional = false): number | undefined {
    const text = this.string(field, optional);
    if (text === undefined) return undefined;
    const ms = Date.parse(text);
    if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) {
      this.fail(field, 'must be an ISO-8601 time');
      return undefined;
    }
    return ms;
  }

  number(field: string, rule: { min?: number; above?: number; max?: number; integer?: boolean }, optional = false) {
    const value = this.value[field];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(field, value === undefined ? 'is required' : 'must be a finite number');
      return undefined;
    }
    if (rule.integer && !Number.isInteger(value)) this.fail(field, 'must be an integer');
    else if (rule.above !== undefined && !(value > rule.above)) this.fail(field, `must be > ${rule.above}`);
    else if (rule.min !== undefined && value < rule.min) this.fail(field, `must be >= ${rule.min}`);
    else if (rule.max !== undefined && value > rule.max) this.fail(field, `must be <= ${rule.max}`);
    else return value;
    return undefined;
  }

  stringList(field: string): string[] {
    const value = this.value[field];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.fail(field, 'must be an array of strings');
      return [];
    }
    return value as string[];
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks `input[field]` is an array of objects and runs `each` on every element with its own checker. */
export function eachRecord(
  issues: ValidationIssue[],
  input: Record<string, unknown>,
  field: string,
  optional: boolean,
  each: (check: FieldChecker, item: Record<string, unknown>, index: number) => void,
): void {
  const value = input[field];
  if (value === undefined && optional) return;
  if (!Array.isArray(value)) {
    issues.push({ field, message: `${field} ${value === undefined ? 'is required' : 'must be an array'}` });
    return;
  }
  value.forEach((item, index) => {
    const path = `${field}[${index}]`;
    if (!isRecord(item)) issues.push({ field: path, message: `${path} must be an object` });
    else each(new FieldChecker(issues, path, item), item, index);
  });
}
