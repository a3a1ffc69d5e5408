import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldProblem } from '@msp/platform';

// NIST SP 800-63B §5.1.1.2: at least 8 characters, at least 64 allowed (we allow 128), no
// composition rules, and refuse passwords known from breaches: ~49,000 of the most common ones.
const MIN_LENGTH = 8;
const MAX_LENGTH = 128;
const commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));

/** Problems with a new password, as field problems for `path` (empty when it is acceptable). */
export function passwordProblems(password: string, path: string, context: { email?: string } = {}): FieldProblem[] {
  const length = [...password].length;
  if (length < MIN_LENGTH) return [{ path, message: `must be at least ${MIN_LENGTH} characters` }];
  if (length > MAX_LENGTH) return [{ path, message: `must be at most ${MAX_LENGTH} characters` }];
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return [{ path, message: 'is too common: it appears in lists of breached passwords' }];
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) return [{ path, message: 'must not contain your email address' }];
  return [];
}
