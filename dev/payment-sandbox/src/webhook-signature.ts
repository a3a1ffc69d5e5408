import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed
 * with the whole endpoint secret (`whsec_` prefix included). This is exactly what
 * `stripe.webhooks.constructEvent(rawBody, header, secret)` recomputes; it also rejects a `t` older
 * than its tolerance (300 s by default), so every delivery attempt is signed afresh.
 */
export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}
