import type { projectV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import {
  MEMBER_ID,
  member,
  memberJson,
  PROJECT_ID,
  project,
  projectJson,
  recorder,
  serviceError,
  UNKNOWN_ID,
} from '../testing/project-fixtures.js';

/** The fake's membership check: the caller belongs to PROJECT_ID only; any other project does not exist for them. */
function requireProject(projectId: string | undefined): void {
  if (projectId !== PROJECT_ID) throw serviceError(5, 'PROJECT_NOT_FOUND');
}

describe('project settings and members (real gateway, fake project service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      project: {
        updateProject: record('updateProject', (request: projectV1.UpdateProjectRequest) => {
          requireProject(request.projectId);
          if (request.name === 'Viewer attempt') throw serviceError(7, 'FORBIDDEN', 'Your role cannot change this project.');
          return { project: { ...project, name: request.name ?? project.name, archived: request.archived ?? false } };
        }),
        deleteProject: record('deleteProject', (request: projectV1.DeleteProjectRequest) => (requireProject(request.projectId), {})),
        listMembers: record(
          'listMembers',
          (request: projectV1.ListMembersRequest) => (requireProject(request.projectId), { items: [member] }),
        ),
        updateMember: record('updateMember', (request: projectV1.UpdateMemberRequest) => {
          requireProject(request.projectId);
          return { member: { ...member, role: request.role ?? member.role } };
        }),
        removeMember: record('removeMember', (request: projectV1.RemoveMemberRequest) => {
          if (request.userId === MEMBER_ID) throw serviceError(9, 'LAST_OWNER', 'The last owner cannot leave.');
          return {};
        }),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  it('updates only the fields sent and answers the project', async () => {
    const answer = await call('PATCH', `/api/v1/projects/${PROJECT_ID}`, { body: { name: ' Website 2 ', archived: true } });
    expect(answer).toMatchObject({ status: 200, body: { ...projectJson, name: 'Website 2', archived: true } });
    expect(calls.at(-1)).toEqual(['updateProject', { projectId: PROJECT_ID, name: 'Website 2', archived: true }]);
  });

  it('rejects bad project changes field by field', async () => {
    const answer = await call('PATCH', `/api/v1/projects/${PROJECT_ID}`, {
      body: { name: '', description: 'x'.repeat(2001), archived: 'yes', key: 'NEW' },
    });
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toEqual(['archived', 'description', 'key', 'name']);
  });

  it("passes the service's FORBIDDEN on for a member whose role is too low, and 404 for a non-member", async () => {
    const forbidden = await call('PATCH', `/api/v1/projects/${PROJECT_ID}`, { body: { name: 'Viewer attempt' } });
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const hidden = await call('PATCH', `/api/v1/projects/${UNKNOWN_ID}`, { body: { name: 'X' } });
    expect(hidden).toMatchObject({ status: 404, body: { code: 'PROJECT_NOT_FOUND' } });
  });

  it('deletes a project with 204; a malformed id is 404 without a call', async () => {
    expect((await call('DELETE', `/api/v1/projects/${PROJECT_ID}`)).status).toBe(204);
    expect(calls.at(-1)).toEqual(['deleteProject', { projectId: PROJECT_ID }]);
    const before = calls.length;
    expect((await call('DELETE', '/api/v1/projects/not-a-uuid')).status).toBe(404);
    expect(calls).toHaveLength(before);
  });

  it('lists members in the list shape with a null cursor', async () => {
    const answer = await call('GET', `/api/v1/projects/${PROJECT_ID}/members`);
    expect(answer).toMatchObject({ status: 200, body: { items: [memberJson], nextCursor: null } });
    expect((await call('GET', `/api/v1/projects/${UNKNOWN_ID}/members`)).status).toBe(404);
  });

  it("changes a member's role and answers the member", async () => {
    const answer = await call('PATCH', `/api/v1/projects/${PROJECT_ID}/members/${MEMBER_ID}`, { body: { role: 'admin' } });
    expect(answer).toMatchObject({ status: 200, body: { ...memberJson, role: 'admin' } });
    expect(calls.at(-1)).toEqual(['updateMember', { projectId: PROJECT_ID, userId: MEMBER_ID, role: 'admin' }]);
  });

  it('accepts only the four project roles', async () => {
    for (const role of ['superuser', 'Owner', '', 3]) {
      const answer = await call('PATCH', `/api/v1/projects/${PROJECT_ID}/members/${MEMBER_ID}`, { body: { role } });
      expect(answer.status, String(role)).toBe(400);
      expect(problemPaths(answer)).toEqual(['role']);
    }
    expect((await call('PATCH', `/api/v1/projects/${PROJECT_ID}/members/nobody`, { body: { role: 'admin' } })).status).toBe(404);
  });

  it('removes a member with 204 and passes LAST_OWNER on as 422', async () => {
    const other = '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
    expect((await call('DELETE', `/api/v1/projects/${PROJECT_ID}/members/${other}`)).status).toBe(204);
    expect(calls.at(-1)).toEqual(['removeMember', { projectId: PROJECT_ID, userId: other }]);
    const last = await call('DELETE', `/api/v1/projects/${PROJECT_ID}/members/${MEMBER_ID}`);
    expect(last).toMatchObject({ status: 422, body: { code: 'LAST_OWNER' } });
  });
});
