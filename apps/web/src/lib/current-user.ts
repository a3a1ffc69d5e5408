import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { clientContextFrom, gateway, type GatewayProblem, type Me } from './gateway';
import { ACCESS_COOKIE } from './session';

export type CurrentUser =
  | { readonly status: 'signed-in'; readonly me: Me }
  | { readonly status: 'signed-out' }
  | { readonly status: 'unavailable'; readonly problem: GatewayProblem };

/**
 * The signed-in user for this request, asked of the gateway at most once per render (the header and
 * the page share it). The proxy has already renewed the access cookie if it had expired.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser> => {
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!accessToken) return { status: 'signed-out' };
  const result = await gateway.me(accessToken, clientContextFrom(await headers()));
  if (result.ok) return { status: 'signed-in', me: result.data };
  return result.problem.status === 401 ? { status: 'signed-out' } : { status: 'unavailable', problem: result.problem };
});
