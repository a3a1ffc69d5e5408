import { z } from 'zod';
import { AuthError } from '../auth.errors.js';
import { passwordProblems } from '../passwords/password-policy.js';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
}

const registrationSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string(),
  displayName: z.string().trim().min(1).max(100),
});

/** The service checks its own invariants too: the gateway is not the only possible caller. */
export function validateRegistration(input: Registration): Registration {
  const result = registrationSchema.safeParse(input);
  const problems = result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  // The password policy (NIST 800-63B: length and breached-password list, no composition rules).
  problems.push(...passwordProblems(input.password ?? '', 'password', { email: result.success ? result.data.email : undefined }));
  if (result.success && problems.length === 0) return result.data;
  throw new AuthError('VALIDATION_FAILED', 'The registration is invalid.', problems);
}
