import { cookies, headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { accountApi } from '../../../../../lib/api/account';
import { clientContextFrom } from '../../../../../lib/gateway-core';
import { ACCESS_COOKIE } from '../../../../../lib/session';

// GET /account/data/export: the caller's data from the gateway, handed to the browser as a file. A GET
// changes nothing, and another site cannot read the answer (same-origin policy), so it needs no CSRF
// token; the session cookie (SameSite=Lax) identifies the caller.
export async function GET(): Promise<Response> {
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!accessToken) return NextResponse.json({ error: 'signed out' }, { status: 401 });
  const result = await accountApi.exportData({ accessToken, client: clientContextFrom(await headers()) });
  if (!result.ok) return NextResponse.json({ error: result.problem.title }, { status: result.problem.status });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(result.data, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="msp-export-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
}
