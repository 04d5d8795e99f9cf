export interface ValidationIssue {
  /** Path of the bad field, e.g. `vehicles[3].batteryKwh`. */
  field: string;
  /** Full sentence naming the field, e.g. `vehicles[3].batteryKwh must be > 0`. */
  message: string;
}

/** Thrown by `plan` for invalid input only (a bug in the caller, not a business outcome). */
export class PlanInputError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`invalid plan input: ${issues.map((issue) => issue.message).join('; ')}`);
    this.name = 'PlanInputError';
  }
}
