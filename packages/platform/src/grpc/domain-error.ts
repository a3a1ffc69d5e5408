/** A field-level problem, reported to clients as problem+json `errors[]`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Base of every feature's error class. Domain code throws these with a code from its feature's
 * code union; it never throws transport exceptions. The gRPC edge maps codes to statuses.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** For throttling errors: when the caller may try again (becomes `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
