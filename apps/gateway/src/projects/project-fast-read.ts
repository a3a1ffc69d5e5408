import type { RevocationList } from '@msp/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CombinedLookup, CombinedLookupResult } from '../cache/gateway-caches.js';
import { endpointOf, routePathOf, type RegisteredEndpoint } from '../http/endpoint.decorator.js';
import type { RequestBudget } from '../rate-limit/request-budget.js';
import type { AccessTokenVerifier } from '../security/access-token-verifier.js';
import { bearerTokenOf } from '../security/bearer-token.js';
import type { ProjectReadCache } from './project-read-cache.js';
import { ProjectsController } from './projects.controller.js';

/** Fastify serializes the Nest route's object answer with this media type; a hit sends the same. */
const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';

export interface ProjectFastReadDependencies {
  budget: RequestBudget;
  verifier: AccessTokenVerifier;
  revocations: RevocationList;
  reads: ProjectReadCache;
  /** With Redis: the budget's counter, the revocation and the read cache's keys in one command. */
  combinedLookup?: CombinedLookup;
}

/**
 * Issue 9's fast lane for `GET /api/v1/projects/{projectId}`: a cache hit answered from a Fastify
 * `preHandler`, outside Nest's guards, interceptors and rxjs pipeline, which had become the read's
 * ceiling once the gRPC hop was gone. It runs after every `onRequest` hook (security headers, CORS,
 * request id, telemetry, admission control) and applies the Nest route's own rules with the same
 * objects: the path parameters' schema, the same rate-limit budget (counted once per request,
 * whichever path counts it), the verified-token cache, the revocation list, and the read cache's
 * generation check. Its answer is the Nest route's answer byte for byte.
 *
 * It only ever answers a hit that every check allowed. Anything else — a malformed id, no token, a
 * token not verified before (or expired), a revoked session, an exhausted budget, a miss, any cache
 * error — continues into the Nest route, which decides exactly as before (and fills the cache). A
 * token is never verified here: unknown tokens are counted by the rate-limit guard before their
 * signature is checked, as on every other route.
 */
export function installProjectFastRead(fastify: FastifyInstance, dependencies: ProjectFastReadDependencies): void {
  const endpoint = endpointOf(ProjectsController.prototype.getProject);
  if (!endpoint?.params) throw new Error('the project read endpoint is not declared');
  const route = routePathOf(endpoint.path);
  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== endpoint.method || request.routeOptions.url !== route) return;
    const answer = await cachedAnswerOf(request, endpoint, dependencies).catch(() => undefined);
    if (!answer) return;
    return reply.code(endpoint.status).headers(answer.headers).header('content-type', JSON_MEDIA_TYPE).send(answer.body);
  });
}

interface CachedAnswer {
  body: string;
  headers: Record<string, string>;
}

async function cachedAnswerOf(
  request: FastifyRequest,
  endpoint: RegisteredEndpoint,
  { budget, verifier, revocations, reads, combinedLookup }: ProjectFastReadDependencies,
): Promise<CachedAnswer | undefined> {
  const params = endpoint.params!.safeParse(request.params);
  if (!params.success) return undefined;
  const { projectId } = params.data as { projectId: string };
  const token = bearerTokenOf(request.headers.authorization);
  const caller = token === undefined ? undefined : verifier.alreadyVerified(token);
  if (!caller) return undefined;
  const readKeys = combinedLookup && reads.keysOf(projectId, caller.userId);
  if (combinedLookup && readKeys)
    return combinedAnswerOf(request, endpoint, caller.sessionId, readKeys, combinedLookup, budget, revocations, reads);
  // All three in the same tick, so Redis gets them in one write (auto-pipelining): one round trip.
  const [verdict, revoked, body] = await Promise.all([
    budget.count(request, endpoint.rateLimit),
    revocations.isSessionRevoked(caller.sessionId),
    reads.current(projectId, caller.userId),
  ]);
  // Exceeded or uncertain: the Nest route answers from the same verdict (429, or pass uncounted).
  if (verdict.outcome !== 'within' || revoked || body === undefined) return undefined;
  return { body, headers: verdict.headers };
}

/**
 * The same checks with Redis, in one command instead of four: the budget counts with its own keys
 * and rules (the script increments the counter it names), the revocation and the read cache's keys
 * are read along, and each is judged by its owner exactly as above.
 */
async function combinedAnswerOf(
  request: FastifyRequest,
  endpoint: RegisteredEndpoint,
  sessionId: string,
  readKeys: [string, string],
  lookup: CombinedLookup,
  budget: RequestBudget,
  revocations: RevocationList,
  reads: ProjectReadCache,
): Promise<CachedAnswer | undefined> {
  let found: Promise<CombinedLookupResult> | undefined;
  const verdict = budget.count(request, endpoint.rateLimit, (counter, windowSeconds) => {
    found = lookup(counter, windowSeconds, revocations.keyOf(sessionId), readKeys);
    return found.then(({ count }) => count);
  });
  // Not called: the request was counted before (never so in a preHandler), and nothing was read.
  if (!found) return undefined;
  const [counted, { revocation, reads: values }] = await Promise.all([verdict, found]);
  const body = reads.currentOf(values[0], values[1]);
  if (counted.outcome !== 'within' || revocation !== undefined || body === undefined) return undefined;
  return { body, headers: counted.headers };
}
