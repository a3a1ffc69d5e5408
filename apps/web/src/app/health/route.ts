// Liveness for the launcher and orchestrators: answers without touching the gateway, so a gateway
// outage does not get the web app restarted.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
