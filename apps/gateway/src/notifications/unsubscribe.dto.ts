import type { commsV1 } from '@msp/contracts';
import { z } from 'zod';
import { opaqueToken } from '../auth/auth.dto.js';

export const unsubscribeQuery = z.strictObject({ token: opaqueToken.describe("The signed token from the email's link") });
export type UnsubscribeQuery = z.output<typeof unsubscribeQuery>;

/**
 * What a mail client's one-click POST carries (RFC 8058: `List-Unsubscribe=One-Click`, as a form); the
 * web page sends nothing. Only the token decides, so the body is checked for shape and otherwise unused.
 */
export const unsubscribeBody = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click').optional() }).optional();
export type UnsubscribeBody = z.output<typeof unsubscribeBody>;

export const unsubscribeResponse = z.object({
  category: z.string().describe('The email category that is now off, e.g. tasks'),
  email: z.string().describe('The address the email went to'),
});
export type UnsubscribeResponse = z.output<typeof unsubscribeResponse>;

export function toUnsubscribed(response: commsV1.UnsubscribeResponse): UnsubscribeResponse {
  return { category: response.category, email: response.email };
}
