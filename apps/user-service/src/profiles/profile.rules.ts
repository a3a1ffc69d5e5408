import type { FieldProblem } from '@msp/platform';
import { z } from 'zod';
import { isUuid } from '../ids.js';
import { ProfileError } from './profiles.errors.js';

export const DEFAULT_LOCALE = 'en';
const MAX_DISPLAY_NAME = 100;
const MAX_LOCALE = 35;
const MAX_TIMEZONE = 64;
const MAX_AVATAR_URL = 2000;

/** What a profile update may change; `avatarUrl: null` removes the avatar. */
export interface ProfileChanges {
  displayName?: string;
  locale?: string;
  timezone?: string;
  avatarUrl?: string | null;
}

export interface ProfileChangeRequest {
  displayName?: string | undefined;
  locale?: string | undefined;
  timezone?: string | undefined;
  avatarUrl?: string | undefined;
}

export interface NewProfile {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = <T>(message: string): Checked<T> => ({ ok: false, message });

/** Validates the fields that are set and returns them normalised; every problem is reported at once. */
export function validateProfileChanges(request: ProfileChangeRequest): ProfileChanges {
  const problems: FieldProblem[] = [];
  const changes: ProfileChanges = {};
  const take = <K extends keyof ProfileChanges>(field: K, raw: string | undefined, check: (raw: string) => Checked<ProfileChanges[K]>) => {
    if (raw === undefined) return;
    const checked = check(raw);
    if (checked.ok) changes[field] = checked.value;
    else problems.push({ path: field, message: checked.message });
  };
  take('displayName', request.displayName, checkDisplayName);
  take('locale', request.locale, checkLocale);
  take('timezone', request.timezone, checkTimezone);
  take('avatarUrl', request.avatarUrl, checkAvatarUrl);
  if (problems.length > 0) throw new ProfileError('VALIDATION_FAILED', 'The profile has invalid fields.', problems);
  return changes;
}

/** CreateProfile comes from the auth service, which validated the person already; this guards the table. */
export function validateNewProfile(request: NewProfile): NewProfile {
  const problems: FieldProblem[] = [];
  if (!isUuid(request.userId)) problems.push({ path: 'userId', message: 'must be a UUID' });
  if (!z.email().max(254).safeParse(request.email).success) problems.push({ path: 'email', message: 'must be an email address' });
  const displayName = checkDisplayName(request.displayName);
  if (!displayName.ok) problems.push({ path: 'displayName', message: displayName.message });
  const locale = request.locale === '' ? ok(DEFAULT_LOCALE) : checkLocale(request.locale);
  if (!locale.ok) problems.push({ path: 'locale', message: locale.message });
  if (problems.length > 0 || !displayName.ok || !locale.ok) {
    throw new ProfileError('VALIDATION_FAILED', 'The profile has invalid fields.', problems);
  }
  return { userId: request.userId, email: request.email, displayName: displayName.value, locale: locale.value };
}

function checkDisplayName(raw: string): Checked<string> {
  const value = raw.trim();
  if (value.length < 1) return problem('must not be empty');
  if (value.length > MAX_DISPLAY_NAME) return problem(`must be at most ${MAX_DISPLAY_NAME} characters`);
  // Control characters would break the emails and lists the name is shown in.
  if (/\p{Cc}/u.test(value)) return problem('must not contain control characters');
  return ok(value);
}

/** A BCP 47 tag such as `en`, `de` or `de-AT`, stored in its canonical spelling. */
function checkLocale(raw: string): Checked<string> {
  if (raw.length === 0 || raw.length > MAX_LOCALE) return problem(`must be a BCP 47 language tag of at most ${MAX_LOCALE} characters`);
  try {
    const [canonical] = Intl.getCanonicalLocales(raw);
    if (!canonical || canonical.length > MAX_LOCALE) return problem('must be a BCP 47 language tag');
    return ok(canonical);
  } catch {
    return problem('must be a BCP 47 language tag such as en, de or de-AT');
  }
}

/**
 * An IANA time zone such as `Europe/Berlin` or `UTC`. Kept as the user wrote it, with the runtime's
 * spelling when that differs only in case (`utc` → `UTC`): the runtime's own name can be an older alias
 * (`America/Argentina/Buenos_Aires` resolves to `America/Buenos_Aires`). Bare UTC offsets are refused:
 * they do not follow daylight saving time.
 */
function checkTimezone(raw: string): Checked<string> {
  if (raw.length === 0 || raw.length > MAX_TIMEZONE || /^[+-]/.test(raw)) return problem('must be an IANA time zone such as Europe/Berlin');
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
    return ok(resolved.toLowerCase() === raw.toLowerCase() ? resolved : raw);
  } catch {
    return problem('must be an IANA time zone such as Europe/Berlin');
  }
}

/** An https URL (pages showing the avatar are served over https); empty removes the avatar. */
function checkAvatarUrl(raw: string): Checked<string | null> {
  if (raw === '') return ok(null);
  if (raw.length > MAX_AVATAR_URL) return problem(`must be at most ${MAX_AVATAR_URL} characters`);
  // The URL parser silently drops spaces and tabs; the stored text must be the URL it parsed.
  if (/[\s\p{Cc}]/u.test(raw)) return problem('must not contain spaces or control characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem('must be an https URL');
  }
  if (url.protocol !== 'https:' || url.hostname === '') return problem('must be an https URL');
  // Credentials in a URL shown to other users would leak them.
  if (url.username !== '' || url.password !== '') return problem('must not contain credentials');
  return ok(raw);
}
