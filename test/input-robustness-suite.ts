import { DevInboxClient, TestGatewayClient, testEnv, type GatewayResponse } from '@msp/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { junkBody, junkHeaderValue, junkId, segmentOf, type JunkBody } from './junk.js';
import { generousRateLimits, type RunningPlatform } from './platforms.js';
import { joinProject, newProject } from './project-helpers.js';
import { newCustomer } from './security-helpers.js';
import { nameOf, pathOf, validBody, writeEndpoints, type WriteEndpoint, type WriteFixture } from './write-endpoints.js';

const ADMIN = { email: 'robustness-admin@example.test', password: 'robustness-admin-password-1' };

/** What the suite needs the platform started with: an administrator, and no throttling of its many requests. */
export const inputRobustnessEnv = {
  ...generousRateLimits,
  PLATFORM_ADMIN_EMAIL: ADMIN.email,
  PLATFORM_ADMIN_PASSWORD: ADMIN.password,
};

/**
 * Runs per property; FC_SEED (and FC_PATH) replay a failure fast-check reported, FC_RUNS scales
 * the number of runs (e.g. FC_RUNS=1000 for a long night).
 */
const seed = testEnv.FC_SEED === undefined ? undefined : Number(testEnv.FC_SEED);
const replayPath = testEnv.FC_PATH;
const runs = (count: number) => (testEnv.FC_RUNS === undefined ? count : Number(testEnv.FC_RUNS));
const settings = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: runs(numRuns),
  ...(seed === undefined ? {} : { seed }),
  ...(replayPath === undefined ? {} : { path: replayPath }),
  // Shrinking sends requests too: stop in time to report the smallest failure found so far.
  interruptAfterTimeLimit: 100_000,
  markInterruptAsFailure: false,
});

/** The value one time in `oneIn`, else nothing (the header is not sent). */
const sometimes = <T>(value: fc.Arbitrary<T>, oneIn: number) =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

/** Well under the free plan's limit of tasks per project. */
const TASKS_PER_PROJECT = 100;

/** Headers checked before the body is read. */
const HEADER_FIELDS = new Set(['Idempotency-Key', 'if-match']);

/**
 * Issue 4's robustness properties, for every write endpoint: junk JSON, path ids and headers never
 * get a 5xx, every 4xx is a problem with a `code`, every 400 lists its field problems (and names each
 * unknown field), and valid requests succeed. A table test names the field of each kind of mistake.
 */
export function inputRobustnessSuite(mode: string, start: () => Promise<RunningPlatform>, runCounts = { junk: 120, valid: 60 }) {
  describe(`every write endpoint answers any input with a problem, never a 5xx (${mode})`, () => {
    let platform: RunningPlatform;
    let gateway: TestGatewayClient;
    let ownerToken: string;
    let adminToken: string;
    let fixture: WriteFixture;
    let newTasks: { projectId: string; count: number };

    beforeAll(async () => {
      platform = await start();
      gateway = new TestGatewayClient(platform.gatewayUrl);
      const inbox = new DevInboxClient(platform.inboxUrl);
      const [owner, member] = await Promise.all([newCustomer(gateway, inbox, 'owner'), newCustomer(gateway, inbox, 'member')]);
      ownerToken = owner.accessToken;
      adminToken = (await gateway.call('POST', '/api/v1/auth/login', { body: ADMIN })).body.accessToken;
      const takenKeys = new Set<string>();
      const project = async (name: string) => {
        const created = await newProject(gateway, ownerToken, name);
        takenKeys.add(created.key);
        return created.id;
      };
      const [tasksProjectId, patchedProjectId, teamProjectId] = [await project('Tasks'), await project('Patched'), await project('Team')];
      const patched = (await gateway.call('GET', `/api/v1/projects/${patchedProjectId}`, { token: ownerToken })).body;
      await joinProject(gateway, inbox, { ownerToken, projectId: tasksProjectId, role: 'member' }, member);
      await joinProject(gateway, inbox, { ownerToken, projectId: teamProjectId, role: 'viewer' }, member);
      const task = await gateway.call('POST', `/api/v1/projects/${tasksProjectId}/tasks`, { token: ownerToken, body: { title: 'Fuzzed' } });
      newTasks = { projectId: tasksProjectId, count: 1 };
      fixture = {
        ownerId: owner.userId,
        memberId: member.userId,
        tasksProjectId,
        taskId: task.body.id,
        // The free plan limits the tasks of a project; many runs (FC_RUNS) need several projects.
        projectForNewTasks: async () => {
          if (newTasks.count >= TASKS_PER_PROJECT) {
            const projectId = await project('Tasks');
            // Signed in again: the admin runs may have changed the member's roles, which can end sessions.
            const signedIn = await gateway.call('POST', '/api/v1/auth/login', { body: { email: member.email, password: member.password } });
            await joinProject(
              gateway,
              inbox,
              { ownerToken, projectId, role: 'member' },
              { ...member, accessToken: signedIn.body.accessToken },
            );
            newTasks = { projectId, count: 0 };
          }
          return newTasks.projectId;
        },
        patchedProjectId,
        patchedProject: { name: patched.name, description: patched.description, archived: patched.archived },
        teamProjectId,
        freshProjectId: () => project('Doomed'),
        takenKeys,
      };
    });

    afterAll(async () => {
      await platform?.stop();
    });

    async function send(endpoint: WriteEndpoint, path: string, options: { rawBody?: string; headers: Record<string, string> }) {
      const token = endpoint.caller === 'admin' ? adminToken : ownerToken;
      const response = await gateway.call(endpoint.method, path, { token, ...options });
      // What later runs expect depends on what earlier ones did: keys taken, the project archived.
      if (endpoint.method === 'POST' && endpoint.path === '/api/v1/projects' && response.status === 201) {
        fixture.takenKeys.add(response.body.key);
      }
      if (endpoint.method === 'POST' && endpoint.path.endsWith('/tasks') && response.status === 201) newTasks.count++;
      if (response.status === 200 && response.body?.id === fixture.patchedProjectId) {
        const { name, description, archived } = response.body;
        fixture.patchedProject = { name, description, archived };
      }
      return response;
    }

    async function currentTaskVersion(): Promise<number> {
      const task = await gateway.call('GET', `/api/v1/projects/${fixture.tasksProjectId}/tasks/${fixture.taskId}`, { token: ownerToken });
      return task.body.version;
    }

    /** The platform's error log lines of a failed request, so a 5xx shows its cause. */
    const serverErrorsOf = (response: GatewayResponse) =>
      platform
        .output()
        .split('\n')
        .filter((line) => line.includes(response.headers.get('x-request-id') ?? '-') && /"level":"(error|fatal)"/.test(line))
        .join('\n');

    /** What every answer must be, whatever was sent. */
    function expectWellFormed(response: GatewayResponse, request: string) {
      const { status, body } = response;
      const context = `${request}\n→ ${status} ${JSON.stringify(body)}`;
      expect(status, `${context}\n${status >= 500 ? serverErrorsOf(response) : ''}`).toBeLessThan(500);
      if (status < 400) return;
      expect(response.headers.get('content-type'), context).toBe('application/problem+json');
      expect(body, context).toMatchObject({ status, code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/), correlationId: expect.any(String) });
      if (status !== 400) return;
      expect(body.errors, context).toEqual(expect.any(Array));
      expect(body.errors.length, context).toBeGreaterThan(0);
      for (const error of body.errors) expect(error, context).toEqual({ path: expect.any(String), message: expect.any(String) });
    }

    for (const endpoint of writeEndpoints) {
      const idNames = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

      it(`${nameOf(endpoint)}: junk bodies, ids and headers get a problem, never a 5xx`, { timeout: 150_000 }, async () => {
        const fields = Object.keys(endpoint.fields?.(fixture) ?? {});
        const noBody: JunkBody = { text: undefined, unknownKeys: [] };
        const request = fc.record({
          ids: fc.tuple(...idNames.map(() => junkId)),
          body: endpoint.fields ? junkBody(fields, validBody(endpoint, fixture)) : fc.constant(noBody),
          idempotencyKey: sometimes(fc.oneof(fc.uuid(), junkHeaderValue), 3),
          ifMatch: sometimes(fc.oneof(fc.constantFrom('current', 'stale'), junkHeaderValue), 2),
          contentType: sometimes(
            fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8', 'application/xml'),
            10,
          ),
          requestId: sometimes(junkHeaderValue, 10),
        });
        await fc.assert(
          fc.asyncProperty(request, async (input) => {
            const real = await endpoint.ids(fixture);
            const ids = Object.fromEntries(idNames.map((name, index) => [name, segmentOf(input.ids[index]!, real[name]!)]));
            const headers: Record<string, string> = {};
            if (input.idempotencyKey !== undefined) headers['idempotency-key'] = input.idempotencyKey;
            if (input.ifMatch !== undefined) {
              const version = input.ifMatch === 'current' || input.ifMatch === 'stale' ? await currentTaskVersion() : 0;
              headers['if-match'] =
                input.ifMatch === 'current' ? `"${version}"` : input.ifMatch === 'stale' ? `"${Math.max(1, version - 1)}"` : input.ifMatch;
            }
            if (input.contentType !== undefined) headers['content-type'] = input.contentType;
            if (input.requestId !== undefined) headers['x-request-id'] = input.requestId;
            const path = pathOf(endpoint.path, ids);
            const response = await send(endpoint, path, {
              ...(input.body.text === undefined ? {} : { rawBody: input.body.text }),
              headers,
            });
            const described = `${endpoint.method} ${path} ${JSON.stringify(headers)}\n${input.body.text?.slice(0, 2000)}`;
            expectWellFormed(response, described);

            // Unknown fields are refused, and each is named, unless the request failed before its body was read.
            const jsonBody = input.contentType === undefined || input.contentType.startsWith('application/json');
            if (input.body.unknownKeys.length > 0 && jsonBody) {
              expect(response.status, described).toBeGreaterThanOrEqual(400);
              const paths: string[] = response.status === 400 ? response.body.errors.map((error: { path: string }) => error.path) : [];
              // A header problem is reported alone; a body the JSON parser refused (a __proto__ key) has no fields yet.
              const bodyRead = response.body.code !== 'MALFORMED_JSON' && !paths.some((path) => HEADER_FIELDS.has(path));
              if (response.status === 400 && bodyRead) {
                expect(paths, described).toEqual(expect.arrayContaining(input.body.unknownKeys));
              }
            }
          }),
          settings(runCounts.junk),
        );
      });

      it(`${nameOf(endpoint)}: valid requests succeed`, { timeout: 150_000 }, async () => {
        const request = fc.record({
          body: endpoint.fields ? validBody(endpoint, fixture) : fc.constant(undefined),
          idempotencyKey: fc.option(fc.uuid(), { nil: undefined }),
          versionInBody: fc.boolean(),
        });
        await fc.assert(
          fc.asyncProperty(request, async (input) => {
            const path = pathOf(endpoint.path, await endpoint.ids(fixture));
            const headers: Record<string, string> = {};
            const body = input.body === undefined ? undefined : { ...input.body };
            if (endpoint.idempotent && input.idempotencyKey !== undefined) headers['idempotency-key'] = input.idempotencyKey;
            if (endpoint.ifMatch) {
              const version = await currentTaskVersion();
              if (input.versionInBody && body) body.version = version;
              else headers['if-match'] = `"${version}"`;
            }
            const expected = body && endpoint.expectedStatus ? endpoint.expectedStatus(fixture, body) : endpoint.success;
            const response = await send(endpoint, path, { ...(body === undefined ? {} : { rawBody: JSON.stringify(body) }), headers });
            const described = `${endpoint.method} ${path} ${JSON.stringify(headers)}\n${JSON.stringify(body)?.slice(0, 2000)}`;
            expectWellFormed(response, described);
            expect(response.status, `${described}\n→ ${JSON.stringify(response.body)}`).toBe(expected);
          }),
          settings(runCounts.valid),
        );
      });

      if (endpoint.table) {
        const table = endpoint.table;
        it(`${nameOf(endpoint)}: wrong type, unknown field, over-long string and bad value are 400 naming the field`, async () => {
          const path = pathOf(endpoint.path, await endpoint.ids(fixture));
          const headers: Record<string, string> = endpoint.ifMatch ? { 'if-match': `"${await currentTaskVersion()}"` } : {};
          const actual = [];
          for (const [label, change, field] of table) {
            const body = { ...endpoint.minimal?.(fixture), ...change };
            const response = await send(endpoint, path, { rawBody: JSON.stringify(body), headers });
            expectWellFormed(response, `${endpoint.method} ${path} ${JSON.stringify(body).slice(0, 200)}`);
            const paths = (response.body?.errors ?? []).map((error: { path: string }) => error.path);
            actual.push({ label, field, status: response.status, named: paths.includes(field) ? field : paths.join(', ') });
          }
          expect(actual).toEqual(table.map(([label, , field]) => ({ label, field, status: 400, named: field })));
        });
      }
    }
  });
}
