import { z } from 'zod';

const userId = z.uuid();

/** Events of the user service (profiles and preferences). */
export const userEvents = {
  /**
   * A profile changed: by its owner, or anonymised after the account was deleted. Carries the whole
   * profile, so a consumer keeping a copy (member lists, email recipients) just replaces its copy.
   */
  'user.profile.updated.v1': z.object({
    userId,
    email: z.email(),
    displayName: z.string(),
    locale: z.string().min(2).max(35),
    timezone: z.string().min(1),
    avatarUrl: z.url().nullable(),
  }),
  /** The user's email notification choices, every category (security is always true). */
  'user.preferences.updated.v1': z.object({
    userId,
    email: z.record(z.string(), z.boolean()),
  }),
} as const;
