import type { GatewayProblem } from './gateway';

// The state a Server Action hands back to its form: one message for the alert region, messages per
// field, and the submitted values (React resets a form after its action runs; passwords are never echoed).

export interface FormState<F extends string> {
  readonly formError: string | null;
  readonly fieldErrors: Partial<Record<F, string>>;
  readonly values: Partial<Record<F, string>>;
}

export function initialFormState<F extends string>(): FormState<F> {
  return { formError: null, fieldErrors: {}, values: {} };
}

/**
 * The gateway names fields as `email`, `body.email`, `/email` or `/body/email` depending on the
 * validator; all of them mean the form field `email`.
 */
export function fieldFromPath<F extends string>(path: string, fields: readonly F[]): F | null {
  const segments = path.split(/[./]/).filter((segment) => segment !== '');
  const name = segments[0] === 'body' ? segments[1] : segments[0];
  return fields.find((field) => field === name) ?? null;
}

export function describeRetry(seconds: number | undefined): string {
  if (seconds === undefined) return 'Please wait a moment and try again.';
  if (seconds < 60) return `Please try again in ${Math.max(1, seconds)} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** The message for the alert region when nothing more specific applies. */
export function generalMessage(problem: GatewayProblem): string {
  if (problem.status === 429) return `Too many attempts. ${describeRetry(problem.retryAfter)}`;
  return problem.detail || problem.title;
}

export function problemToFormState<F extends string>(
  problem: GatewayProblem,
  fields: readonly F[],
  values: Partial<Record<F, string>>,
): FormState<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const error of problem.errors ?? []) {
    const field = fieldFromPath(error.path, fields);
    if (field && !fieldErrors[field]) fieldErrors[field] = error.message;
    else if (!field) unplaced.push(error.message);
  }
  const placedAny = Object.keys(fieldErrors).length > 0;
  // With every problem shown beside its field, the alert would only repeat them.
  const formError = unplaced.length > 0 ? unplaced.join(' ') : placedAny ? null : generalMessage(problem);
  return { formError, fieldErrors, values };
}

/** A text field of a submitted form; a missing field or a file reads as empty. */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
