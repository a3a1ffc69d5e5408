import { fill, plural } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import type { GatewayProblem } from './gateway-core';

type Common = Messages['common'];

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

export function describeRetry(seconds: number | undefined, m: Common): string {
  if (seconds === undefined) return m.waitAMoment;
  if (seconds < 60) return plural(Math.max(1, seconds), m.retryInSeconds);
  return plural(Math.ceil(seconds / 60), m.retryInMinutes);
}

/**
 * The message for the alert region when nothing more specific applies. Statuses the UI can explain in
 * the user's language are; otherwise the gateway's own `detail` (English) is the most precise text.
 */
export function generalMessage(problem: GatewayProblem, m: Common): string {
  if (problem.status === 429) return `${m.tooManyAttempts} ${describeRetry(problem.retryAfter, m)}`;
  if (problem.status >= 500) return m.unavailable;
  if (problem.status === 403) return m.forbidden;
  if (problem.status === 409 && problem.code === 'VERSION_CONFLICT') return m.conflict;
  return problem.detail || problem.title;
}

/**
 * The gateway's field messages in the user's language where we know them ("must be at least 8
 * characters" → "muss mindestens 8 Zeichen lang sein"); others stay as the gateway wrote them.
 */
export function localizeFieldMessage(message: string, m: Common): string {
  const t = m.fieldMessages;
  const patterns: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
    [/^is required$/, () => t.required],
    [/^must be at least (\d+) characters$/, (match) => fill(t.minChars, { n: match[1]! })],
    [/^must be at most (\d+) characters$/, (match) => fill(t.maxChars, { n: match[1]! })],
    [/^must be a valid email address$/, () => t.email],
    [/^has an invalid format$/, () => t.format],
    [/^is wrong$/, () => t.wrong],
    [/^must be a valid (url|uri)$/i, () => t.url],
  ];
  for (const [pattern, localized] of patterns) {
    const match = message.match(pattern);
    if (match) return localized(match);
  }
  return message;
}

export function problemToFormState<F extends string>(
  problem: GatewayProblem,
  fields: readonly F[],
  values: Partial<Record<F, string>>,
  m: Common,
): FormState<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const error of problem.errors ?? []) {
    const field = fieldFromPath(error.path, fields);
    if (field && !fieldErrors[field]) fieldErrors[field] = localizeFieldMessage(error.message, m);
    else if (!field) unplaced.push(error.message);
  }
  const placedAny = Object.keys(fieldErrors).length > 0;
  // With every problem shown beside its field, the alert would only repeat them.
  const formError = unplaced.length > 0 ? unplaced.join(' ') : placedAny ? null : generalMessage(problem, m);
  return { formError, fieldErrors, values };
}

/** A text field of a submitted form; a missing field or a file reads as empty. */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
