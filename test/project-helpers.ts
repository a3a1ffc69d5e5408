import { randomBytes } from 'node:crypto';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { expect } from 'vitest';

/** A project owned by the holder of `token`, with a key of its own (keys are unique platform-wide). */
export async function newProject(gateway: TestGatewayClient, token: string, name: string) {
  const key = `${
    name
      .replace(/[^A-Za-z]/g, '')
      .charAt(0)
      .toUpperCase() || 'P'
  }${randomBytes(3).toString('hex').toUpperCase()}`;
  const created = await gateway.call('POST', '/api/v1/projects', { token, body: { name, key } });
  expect(created.status).toBe(201);
  return created.body as { id: string; key: string; name: string };
}

/** The token of the newest invitation link emailed to `email`, in a message not among `seen`. */
export async function invitationTokenFor(inbox: DevInboxClient, email: string, seen = new Set<string>(), timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const summary of await inbox.messagesTo(email)) {
      if (seen.has(summary.ID)) continue;
      const token = (await inbox.message(summary.ID)).Text.match(/invitations\/accept\?token=([A-Za-z0-9_-]+)/)?.[1];
      if (token) return token;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no invitation email to ${email} within ${timeoutMs} ms`);
}

/** Invites `person` with `role` as the project's owner, and accepts through the emailed link. */
export async function joinProject(
  gateway: TestGatewayClient,
  inbox: DevInboxClient,
  invite: { ownerToken: string; projectId: string; role: 'admin' | 'member' | 'viewer' },
  person: { email: string; accessToken: string },
) {
  // Earlier invitations (to other projects) must not be mistaken for this one.
  const seen = new Set((await inbox.messagesTo(person.email)).map((message) => message.ID));
  const created = await gateway.call('POST', `/api/v1/projects/${invite.projectId}/invitations`, {
    token: invite.ownerToken,
    body: { email: person.email, role: invite.role },
  });
  expect(created.status).toBe(201);
  const token = await invitationTokenFor(inbox, person.email, seen);
  const accepted = await gateway.call('POST', '/api/v1/invitations/accept', { token: person.accessToken, body: { token } });
  expect(accepted.status).toBe(200);
  expect(accepted.body.role).toBe(invite.role);
}
