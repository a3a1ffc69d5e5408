import { DevInboxClient, TestGatewayClient, type EmbeddedProcess } from '@msp/testing';
import type { Person } from './web-helpers.js';

// Setting the scene through the public API, for the steps a spec is not about (the journey spec does
// everything through the browser): customers, projects, tasks, invitations.

export interface ApiUser {
  readonly userId: string;
  readonly accessToken: string;
}

export function gatewayOf(platform: EmbeddedProcess): TestGatewayClient {
  return new TestGatewayClient(platform.gatewayUrl);
}

/** Registers, verifies through the emailed link and signs in. */
export async function apiSignUp(platform: EmbeddedProcess, person: Person): Promise<ApiUser> {
  const { userId, accessToken } = await gatewayOf(platform).signUp(new DevInboxClient(platform.inboxUrl), person);
  return { userId, accessToken };
}

async function expectStatus<T>(pending: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const response = await pending;
  if (response.status !== status) throw new Error(`${what} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function apiCreateProject(
  platform: EmbeddedProcess,
  user: ApiUser,
  body: { name: string; key: string },
): Promise<{ id: string; key: string }> {
  return expectStatus(gatewayOf(platform).call('POST', '/api/v1/projects', { token: user.accessToken, body }), 201, 'create project');
}

export function apiCreateTask(
  platform: EmbeddedProcess,
  user: ApiUser,
  projectId: string,
  body: Record<string, unknown>,
): Promise<{ id: string; key: string; version: number }> {
  return expectStatus(
    gatewayOf(platform).call('POST', `/api/v1/projects/${projectId}/tasks`, { token: user.accessToken, body }),
    201,
    'create task',
  );
}

export function apiUpdateTask(
  platform: EmbeddedProcess,
  user: ApiUser,
  projectId: string,
  taskId: string,
  version: number,
  body: Record<string, unknown>,
): Promise<{ version: number }> {
  return expectStatus(
    gatewayOf(platform).call('PATCH', `/api/v1/projects/${projectId}/tasks/${taskId}`, {
      token: user.accessToken,
      body,
      headers: { 'if-match': String(version) },
    }),
    200,
    'update task',
  );
}

/** Invites `member` and accepts for them with the token from the invitation email. */
export async function apiAddMember(
  platform: EmbeddedProcess,
  owner: ApiUser,
  projectId: string,
  member: Person & ApiUser,
  role = 'member',
): Promise<void> {
  const gateway = gatewayOf(platform);
  await expectStatus(
    gateway.call('POST', `/api/v1/projects/${projectId}/invitations`, { token: owner.accessToken, body: { email: member.email, role } }),
    201,
    'invite',
  );
  const inbox = new DevInboxClient(platform.inboxUrl);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const summary of await inbox.messagesTo(member.email)) {
      const message = await inbox.message(summary.ID);
      if (!message.Text.includes('/invitations/accept')) continue;
      await expectStatus(
        gateway.call('POST', '/api/v1/invitations/accept', { token: member.accessToken, body: { token: DevInboxClient.tokenIn(message) } }),
        200,
        'accept invitation',
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no invitation email to ${member.email}`);
}
