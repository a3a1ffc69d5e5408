import { GenerationCheckedCache, MemoryCache, RemoteCallError, RevocationList } from '@msp/platform';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { awayFromWindowEdge } from '../testing/cache-fixtures.js';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type SigningKey, type TestGateway } from '../testing/gateway-harness.js';
import { project, PROJECT_ID } from '../testing/project-fixtures.js';
import { ProjectReadCache } from './project-read-cache.js';

/** The global budget per client address in this gateway; each test reads from an address of its own. */
const BUDGET = 5;
/** Headers that differ between any two answers: the time, the request's own id, the budget left. */
const PER_REQUEST_HEADERS = new Set(['date', 'x-request-id', 'ratelimit-remaining', 'ratelimit-reset']);

describe('the project read fast lane (real gateway, fake project service, shared in-memory cache)', () => {
  const cache = new MemoryCache();
  // What the project service and the auth service do to the shared cache after a change.
  const generations = new GenerationCheckedCache(cache, { entryTtlSeconds: 60, generationTtlSeconds: 600 });
  const revocations = new RevocationList(cache, 600);
  let gateway: TestGateway;
  let key: SigningKey;
  let member = true;
  let serviceReads = 0;
  let nestReads: ReturnType<typeof vi.spyOn>;
  let address = 0;
  let client = '';

  beforeAll(async () => {
    key = await makeSigningKey('ES256');
    gateway = await startTestGateway(
      {
        auth: { getJwks: async () => ({ jwksJson: jwksJsonOf(key) }) },
        project: {
          getProject: async () => {
            serviceReads += 1;
            if (!member) throw new RemoteCallError(5, 'Project not found.', 'PROJECT_NOT_FOUND', [], '/x');
            return { project };
          },
        },
      },
      { RATE_LIMIT_GLOBAL_PER_MINUTE: String(BUDGET) },
      { sharedCache: cache },
    );
  });
  afterAll(async () => {
    await gateway.close();
    await cache.close();
  });
  beforeEach(async () => {
    await awayFromWindowEdge();
    member = true;
    serviceReads = 0;
    address += 1;
    client = `198.51.100.${address}`;
    // The Nest route reads through ProjectReadCache.get; the fast lane never does.
    nestReads = vi.spyOn(ProjectReadCache.prototype, 'get');
  });
  afterEach(() => vi.restoreAllMocks());

  const read = async (token: string, projectId = PROJECT_ID) => {
    const response = await fetch(`${gateway.url}/api/v1/projects/${projectId}`, {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': client, origin: 'http://localhost:3000' },
    });
    const body = await response.text();
    // Lets the fire-and-forget cache fill of a miss land before the next read.
    await new Promise((resolve) => setImmediate(resolve));
    return { status: response.status, headers: Object.fromEntries(response.headers), body };
  };
  const comparable = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REQUEST_HEADERS.has(name)));
  /** A token the gateway has never verified: its first use cannot take the fast lane. */
  const freshToken = (options: Parameters<typeof issueToken>[1] = {}) =>
    issueToken(key, { sid: `session-${Math.random().toString(36).slice(2)}`, ...options });
  /** The project's generation changes, as after any write the project service answered. */
  const projectChanged = () => generations.bump([PROJECT_ID]);

  it('answers a cache hit exactly as the Nest route answers the same hit', async () => {
    await projectChanged(); // no entry of an earlier test
    const filled = await read(await freshToken()); // a miss: Nest asks the service and fills the cache
    const token = await freshToken();
    const nest = await read(token); // a token not verified yet: Nest answers, from the cache
    const fast = await read(token); // verified before, entry current: the fast lane answers
    expect(serviceReads).toBe(1);
    expect(nestReads).toHaveBeenCalledTimes(2);

    expect(fast.status).toBe(200);
    expect(fast.body).toBe(nest.body);
    expect(fast.body).toBe(filled.body);
    expect(comparable(fast.headers)).toEqual(comparable(nest.headers));
    expect(fast.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fast.headers['cache-control']).toBe('no-store');
    expect(fast.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(fast.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(fast.headers['ratelimit-remaining'])).toBe(Number(nest.headers['ratelimit-remaining']) - 1);
  });

  it('counts fast-lane hits against the rate limit, then answers 429 with Retry-After', async () => {
    const token = await freshToken();
    for (let remaining = BUDGET - 1; remaining >= 0; remaining--) {
      const answer = await read(token);
      expect(answer.status).toBe(200);
      expect(answer.headers['ratelimit-remaining']).toBe(String(remaining));
    }
    expect(nestReads.mock.calls.length).toBeLessThan(BUDGET); // the later reads took the fast lane
    const limited = await read(token);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toBe('application/problem+json');
    expect(limited.headers['retry-after']).toBe(limited.headers['ratelimit-reset']);
    expect(JSON.parse(limited.body)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('refuses a revoked session on the very next read', async () => {
    const sid = `session-${Math.random().toString(36).slice(2)}`;
    const token = await freshToken({ sid });
    await read(token);
    expect((await read(token)).status).toBe(200); // a hit
    await revocations.revokeSessions([sid]);
    const refused = await read(token);
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'SESSION_REVOKED' });
  });

  it('refuses an expired token on the very next read, and never lets an invalid one through', async () => {
    const expiresAtSeconds = Math.floor(Date.now() / 1000) + 2;
    const token = await freshToken({ expiresAt: expiresAtSeconds });
    await read(token);
    expect((await read(token)).status).toBe(200); // a hit
    const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const invalid = await read(forged);
    expect(invalid.status).toBe(401);
    expect(JSON.parse(invalid.body)).toMatchObject({ code: 'UNAUTHENTICATED' });

    await new Promise((resolve) => setTimeout(resolve, expiresAtSeconds * 1000 - Date.now() + 50));
    const expired = await read(token);
    expect(expired.status).toBe(401);
    expect(expired.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(expired.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 404 to a removed member at once', async () => {
    const token = await freshToken();
    await read(token);
    expect((await read(token)).status).toBe(200); // a hit
    member = false;
    await projectChanged();
    const removed = await read(token);
    expect(removed.status).toBe(404);
    expect(JSON.parse(removed.body)).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
  });

  it('leaves a malformed id to the Nest route (404 NOT_FOUND)', async () => {
    const token = await freshToken();
    await read(token);
    const malformed = await read(token, 'not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(JSON.parse(malformed.body)).toMatchObject({ code: 'NOT_FOUND' });
  });
});
