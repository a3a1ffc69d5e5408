import type { projectV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { PROJECT_ID, project, projectJson, recorder, serviceError } from '../testing/project-fixtures.js';

const INVITATION_ID = '2b3c4d5e-6f70-4a1b-8c2d-3e4f5a6b7c8d';
const invitation: projectV1.Invitation = {
  id: INVITATION_ID,
  email: 'grace@example.com',
  role: 'member',
  expiresAt: new Date('2024-06-08T08:30:00Z'),
  createdAt: new Date('2024-06-01T08:30:00Z'),
};
const invitationJson = { ...invitation, expiresAt: '2024-06-08T08:30:00.000Z', createdAt: '2024-06-01T08:30:00.000Z' };

describe('invitations (real gateway, fake project service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      project: {
        createInvitation: record('createInvitation', (request: projectV1.CreateInvitationRequest) => {
          if (request.email === 'ada@example.com') throw serviceError(6, 'ALREADY_MEMBER', 'Ada is already a member.');
          return { invitation: { ...invitation, email: request.email ?? '', role: request.role ?? '' } };
        }),
        listInvitations: record('listInvitations', () => ({ items: [invitation] })),
        revokeInvitation: record('revokeInvitation', () => ({})),
        acceptInvitation: record('acceptInvitation', (request: projectV1.AcceptInvitationRequest) => {
          if (request.token === 'used-token') throw serviceError(5, 'INVITATION_NOT_FOUND', 'This invitation does not exist.');
          return { project: { ...project, role: 'member' } };
        }),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  const invitations = `/api/v1/projects/${PROJECT_ID}/invitations`;

  it('invites by email and answers 201 with the invitation', async () => {
    const answer = await call('POST', invitations, { body: { email: 'grace@example.com', role: 'viewer' } });
    expect(answer).toMatchObject({ status: 201, body: { ...invitationJson, role: 'viewer' } });
    expect(calls.at(-1)).toEqual(['createInvitation', { projectId: PROJECT_ID, email: 'grace@example.com', role: 'viewer' }]);
  });

  it('never invites as owner, and checks the email', async () => {
    const answer = await call('POST', invitations, { body: { email: 'not-an-email', role: 'owner' } });
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toEqual(['email', 'role']);
  });

  it('passes ALREADY_MEMBER on as 409', async () => {
    const answer = await call('POST', invitations, { body: { email: 'ada@example.com', role: 'member' } });
    expect(answer).toMatchObject({ status: 409, body: { code: 'ALREADY_MEMBER' } });
  });

  it('lists open invitations and revokes one with 204', async () => {
    expect(await call('GET', invitations)).toMatchObject({ status: 200, body: { items: [invitationJson], nextCursor: null } });
    expect((await call('DELETE', `${invitations}/${INVITATION_ID}`)).status).toBe(204);
    expect(calls.at(-1)).toEqual(['revokeInvitation', { projectId: PROJECT_ID, invitationId: INVITATION_ID }]);
    expect((await call('DELETE', `${invitations}/abc`)).status).toBe(404);
  });

  it('accepts an invitation by token and answers the project joined', async () => {
    const answer = await call('POST', '/api/v1/invitations/accept', { body: { token: 'emailed-token' } });
    expect(answer).toMatchObject({ status: 200, body: { ...projectJson, role: 'member' } });
    expect(calls.at(-1)).toEqual(['acceptInvitation', { token: 'emailed-token' }]);
    expect(problemPaths(await call('POST', '/api/v1/invitations/accept', { body: { token: '' } }))).toEqual(['token']);
    const used = await call('POST', '/api/v1/invitations/accept', { body: { token: 'used-token' } });
    expect(used).toMatchObject({ status: 404, body: { code: 'INVITATION_NOT_FOUND' } });
  });
});
