import type { authV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, timestamp } from '../http/common.dto.js';

export const sessionParams = z.strictObject({ id: z.uuid() });
export type SessionParams = z.output<typeof sessionParams>;

export const sessionResponse = z.object({
  id: z.uuid(),
  createdAt: timestamp,
  lastUsedAt: timestamp,
  userAgent: z.string().nullable().describe('As the client sent it at sign-in; null when it sent none'),
  ip: z.string().nullable(),
  current: z.boolean().describe('True for the session of the token making this request'),
});
export type SessionResponse = z.output<typeof sessionResponse>;

export const sessionList = z.object({ items: z.array(sessionResponse) });
export type SessionList = z.output<typeof sessionList>;

function toSession(session: authV1.Session): SessionResponse {
  return {
    id: session.id,
    createdAt: isoOf(session.createdAt, 'session.createdAt'),
    // A session not refreshed since sign-in was last used when it was created.
    lastUsedAt: isoOf(session.lastUsedAt ?? session.createdAt, 'session.lastUsedAt'),
    userAgent: emptyToNull(session.userAgent),
    ip: emptyToNull(session.ip),
    current: session.current,
  };
}

export function toSessionList(response: authV1.ListSessionsResponse): SessionList {
  return { items: response.sessions.map(toSession) };
}
