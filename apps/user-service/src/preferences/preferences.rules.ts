import type { FieldProblem } from '@msp/platform';
import { PreferencesError } from './preferences.errors.js';

/**
 * Email categories and whether they are on for a user who never chose. Security emails (sign-ins,
 * password and MFA changes) protect the account and cannot be turned off; product news is opt-in.
 */
export const EMAIL_CATEGORY_DEFAULTS = {
  security: true,
  account: true,
  projects: true,
  tasks: true,
  billing: true,
  product: false,
} as const satisfies Record<string, boolean>;

export type EmailCategory = keyof typeof EMAIL_CATEGORY_DEFAULTS;
export type EmailPreferences = Record<EmailCategory, boolean>;

const LOCKED_ON: readonly EmailCategory[] = ['security'];

export function isEmailCategory(name: string): name is EmailCategory {
  return Object.hasOwn(EMAIL_CATEGORY_DEFAULTS, name);
}

/** False for the categories that stay on whatever anyone asks (security). */
export function canTurnOff(category: EmailCategory): boolean {
  return !LOCKED_ON.includes(category);
}

/** Every category, from what is stored where it names a known category and the default elsewhere. */
export function effectivePreferences(stored: Record<string, boolean> | undefined): EmailPreferences {
  const effective: EmailPreferences = { ...EMAIL_CATEGORY_DEFAULTS };
  for (const [name, enabled] of Object.entries(stored ?? {})) {
    if (isEmailCategory(name)) effective[name] = enabled;
  }
  for (const name of LOCKED_ON) effective[name] = true;
  return effective;
}

/**
 * A replacement set: categories not named go back to their default. An unknown category or turning
 * security emails off is refused (400 with the field), never silently changed, so a client cannot
 * believe it turned something off that stays on.
 */
export function validatePreferences(requested: Record<string, boolean>): EmailPreferences {
  const problems: FieldProblem[] = [];
  for (const [name, enabled] of Object.entries(requested)) {
    if (!isEmailCategory(name)) problems.push({ path: `email.${name}`, message: 'is not a notification category' });
    else if (LOCKED_ON.includes(name) && !enabled) problems.push({ path: `email.${name}`, message: 'cannot be turned off' });
  }
  if (problems.length > 0) throw new PreferencesError('VALIDATION_FAILED', 'The notification preferences are invalid.', problems);
  return effectivePreferences(requested);
}

export function samePreferences(a: EmailPreferences, b: EmailPreferences): boolean {
  return (Object.keys(EMAIL_CATEGORY_DEFAULTS) as EmailCategory[]).every((name) => a[name] === b[name]);
}
