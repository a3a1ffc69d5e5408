import 'server-only';
import { notFound } from 'next/navigation';
import { requireCaller } from './caller';
import { getCurrentUser } from './current-user';
import type { Caller } from './gateway-core';

/**
 * The admin console's own check, in the Next server, before any admin page renders or admin action runs:
 * only a user with the platform `admin` role gets past, everyone else sees "not found" (the console's
 * existence is not advertised). The gateway checks the role again on every admin endpoint.
 */
export async function requireAdmin(): Promise<Caller> {
  const user = await getCurrentUser();
  if (user.status !== 'signed-in' || !user.me.roles.includes('admin')) notFound();
  return requireCaller();
}
