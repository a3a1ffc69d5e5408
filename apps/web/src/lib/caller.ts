import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { clientContextFrom, type Caller, type GatewayProblem, type GatewayResult } from './gateway-core';
import { ACCESS_COOKIE } from './session';

/** Where a request whose session the gateway no longer accepts is sent (revoked, suspended, expired). */
export const SESSION_ENDED_PATH = '/signin?reason=session-ended';

/**
 * The signed-in caller of this request (page or Server Action). The proxy has already renewed an
 * expired access cookie; without one the session is over and the visitor goes to sign in.
 */
export async function requireCaller(): Promise<Caller> {
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!accessToken) redirect(SESSION_ENDED_PATH);
  return { accessToken, client: clientContextFrom(await headers()) };
}

/** 401s that are about something the user typed (a password, a code), not about their session. */
const WRONG_SECRET = new Set(['INVALID_CREDENTIALS', 'INVALID_MFA_CODE']);

export function isSessionGone(problem: GatewayProblem): boolean {
  return problem.status === 401 && !WRONG_SECRET.has(problem.code);
}

/** Ends the render or action when the gateway says the session is gone (401). */
export function redirectIfSignedOut(problem: GatewayProblem): void {
  if (isSessionGone(problem)) redirect(SESSION_ENDED_PATH);
}

/** A page's data load that cannot go without a result. */
export class GatewayLoadError extends Error {
  constructor(readonly problem: GatewayProblem) {
    super(`gateway answered ${problem.status} ${problem.code}`);
  }
}

/**
 * The data of a result a page needs: a lost session goes to sign in, something the caller may not see
 * is "not found" (the gateway answers 404 for both, so nothing leaks), anything else reaches the
 * segment's error boundary, which offers to try again.
 */
export function must<T>(result: GatewayResult<T>): T {
  if (result.ok) return result.data;
  redirectIfSignedOut(result.problem);
  if (result.problem.status === 404 || result.problem.status === 403) notFound();
  throw new GatewayLoadError(result.problem);
}
