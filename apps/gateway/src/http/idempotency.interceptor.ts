import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { LOGGER, type Logger } from '@msp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { z } from 'zod';
import { digestOf, IdempotencyStore, type IdempotentRequest } from '../cache/idempotency-store.js';
import { endpointOf } from './endpoint.decorator.js';
import { ProblemException, ValidationError } from './problem.js';

/** The request header of idempotent endpoints; also how the OpenAPI document describes it. */
export const idempotencyKeyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1–255 visible ASCII characters')
    .optional()
    .describe('A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response'),
});

/** Response headers that belong to a recorded answer and are replayed with it. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * Makes every endpoint declared `idempotent` honour `Idempotency-Key`, so a client may retry a
 * create whose answer it never saw without creating twice. Only successes are recorded: a failed
 * create changed nothing, so its retry may run again. Requests without the header run as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!endpointOf(context.getHandler())?.idempotent) return next.handle();
    const http = context.switchToHttp();
    return from(this.handle(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), next));
  }

  private async handle(request: FastifyRequest, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const key = idempotencyKeyOf(request);
    if (key === undefined) return lastValueFrom(next.handle(), { defaultValue: undefined });
    const use = useOf(request, key);

    const claim = await this.claim(use);
    switch (claim.outcome) {
      case 'replay':
        void reply.headers({ ...claim.response.headers, 'idempotent-replayed': 'true' });
        return claim.response.body;
      case 'reused':
        throw new ProblemException(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with a different request. Use a new key for a new operation.',
        );
      case 'in-progress':
        throw new ProblemException(409, 'IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still running. Retry shortly.', {
          'retry-after': '1',
        });
      case 'claimed':
        return this.runClaimed(use, reply, next);
    }
  }

  private async runClaimed(use: IdempotentRequest, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.store.release(use).catch((releaseError: unknown) => this.logFailure(releaseError, 'release'));
      throw error;
    }
    // The operation happened: failing to remember it must not turn its success into an error.
    // A repeat then runs again, which is what the client would get without a key.
    await this.store.record(use, { body, headers: replayedHeadersOf(reply) }).catch((error: unknown) => this.logFailure(error, 'record'));
    return body;
  }

  /** Without the record of earlier keys a repeat could run twice: refuse rather than guess. */
  private async claim(use: IdempotentRequest) {
    try {
      return await this.store.claim(use);
    } catch (error) {
      const problem = new ProblemException(503, 'UNAVAILABLE', 'Idempotency keys cannot be checked right now. Try again later.', {
        'retry-after': '5',
      });
      problem.cause = error;
      throw problem;
    }
  }

  private logFailure(error: unknown, step: 'record' | 'release'): void {
    this.logger.warn({ err: error, step }, 'idempotency record could not be written');
  }
}

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const parsed = idempotencyKeyHeaders.safeParse(request.headers);
  if (!parsed.success) throw new ValidationError([{ path: 'Idempotency-Key', message: 'must be 1–255 visible ASCII characters' }]);
  return parsed.data['idempotency-key'];
}

/** The same key must come with the same request: method, path (which names the parent) and body. */
function useOf(request: FastifyRequest, key: string): IdempotentRequest {
  const caller = request.caller;
  // Unreachable: idempotent endpoints are never public, so the guard has set the caller.
  if (!caller) throw new ProblemException(401, 'UNAUTHENTICATED', 'A valid bearer access token is required.');
  const fingerprint = digestOf(`${request.method} ${request.url}\n${canonicalJson(request.body)}`);
  return { callerId: caller.userId, key, fingerprint };
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` count as the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function replayedHeadersOf(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
