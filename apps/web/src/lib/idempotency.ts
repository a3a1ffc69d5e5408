import { randomUUID } from 'node:crypto';
import type { GatewayResult } from './gateway-core';

// Creating and paying writes carry an Idempotency-Key (API.md). A form gets its key when the page is
// rendered and keeps it while the outcome is unknown (timeout, outage), so retrying cannot create twice;
// after a definite answer it gets a fresh one, since its next submission is a new request.

export function newIdempotencyKey(): string {
  return randomUUID();
}

export function keyAfter(result: GatewayResult<unknown>, used: string): string {
  const unknownOutcome = !result.ok && (result.problem.status >= 500 || result.problem.code === 'IDEMPOTENCY_KEY_IN_USE');
  return unknownOutcome ? used : newIdempotencyKey();
}
