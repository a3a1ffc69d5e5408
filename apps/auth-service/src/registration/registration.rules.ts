import { z } from 'zod';
import { AuthError } from '../auth.errors.js';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
}

// NIST 800-63B: length is what matters; no composition rules; long passphrases allowed.
const registrationSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(8).max(128),
  displayName: z.string().trim().min(1).max(100),
});

/** The service checks its own invariants too: the gateway is not the only possible caller. */
export function validateRegistration(input: Registration): Registration {
  const result = registrationSchema.safeParse(input);
  if (result.success) return result.data;
  throw new AuthError(
    'VALIDATION_FAILED',
    'The registration is invalid.',
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}
