import type { userV1 } from '@msp/contracts';
import { z } from 'zod';

/**
 * Categories are the user service's to know (and it keeps security emails on whatever is sent);
 * the gateway checks only that names look like category names, so a new category needs no release here.
 */
const category = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const notificationPreferencesBody = z.strictObject({
  email: z.record(category, z.boolean()).describe('Category → whether emails of that category are sent'),
});
export type NotificationPreferencesBody = z.output<typeof notificationPreferencesBody>;

export const notificationPreferencesResponse = z.object({
  email: z.record(z.string(), z.boolean()).describe('Category → whether emails of that category are sent'),
});
export type NotificationPreferencesResponse = z.output<typeof notificationPreferencesResponse>;

export function toNotificationPreferences(
  response: userV1.GetPreferencesResponse | userV1.UpdatePreferencesResponse,
): NotificationPreferencesResponse {
  return { email: { ...response.email } };
}
