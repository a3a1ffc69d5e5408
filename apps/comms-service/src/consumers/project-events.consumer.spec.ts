import { randomUUID } from 'node:crypto';
import { createEnvelope, type EventData } from '@msp/events';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { RecipientsRepository } from '../recipients/recipients.repository.js';
import { commsConsumerKit } from '../testing/comms-consumer-kit.js';

const token = 'inv_abcdefghijklmnopqrstuvwxyz0123';
const expiresAt = '2026-03-08T14:05:00.000Z';

function invited(overrides: Partial<EventData<'project.member.invited.v1'>> = {}) {
  const data: EventData<'project.member.invited.v1'> = {
    invitationId: randomUUID(),
    projectId: randomUUID(),
    projectName: 'Website Relaunch',
    projectKey: 'WEB',
    email: `invitee-${randomUUID()}@example.test`,
    role: 'member',
    invitedBy: randomUUID(),
    inviterName: 'Ada Lovelace',
    token,
    expiresAt,
    ...overrides,
  };
  return createEnvelope({ type: 'project.member.invited.v1', source: 'project', subject: data.projectId, data });
}

describe('CommsEventsConsumer, on project invitations', () => {
  let database: TestDatabase;
  let kit: ReturnType<typeof commsConsumerKit>;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  it('queues exactly one invitation to the invited address, in English for an address it does not know', async () => {
    const event = invited();
    const before = kit.pokes();

    await kit.consumer.handle(event);

    const queued = await kit.deliveriesOf(event.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      template: 'project-invitation.v1',
      toAddress: event.data.email,
      locale: 'en',
      status: 'queued',
      attempts: 0,
    });
    expect(queued[0]!.subject).toBe('Ada Lovelace invited you to Website Relaunch (WEB)');
    expect(queued[0]!.textBody).toMatch(/^Hello,\n/);
    expect(queued[0]!.textBody).toContain(`https://web.test/app/invitations/accept?token=${token}`);
    expect(queued[0]!.htmlBody).toContain(`href="https://web.test/app/invitations/accept?token=${token}"`);
    expect(kit.pokes()).toBe(before + 1);
  });

  it('records no recipient for an address: the invitee may have no account', async () => {
    const event = invited();

    await kit.consumer.handle(event);

    expect(await new RecipientsRepository(database.db).findByEmail(event.data.email)).toBeUndefined();
  });

  it('queues nothing for an invitation it has applied before, even when it arrives twice at once', async () => {
    const event = invited();
    await kit.consumer.handle(event);
    const before = kit.pokes();

    await kit.consumer.handle(event);
    await Promise.all([kit.consumer.handle(event), kit.consumer.handle(event)]);

    expect(await kit.deliveriesOf(event.id)).toHaveLength(1);
    expect(kit.pokes()).toBe(before);
  });

  it('sends a new invitation to the same address again: each event is its own email', async () => {
    const first = invited();
    const second = invited({ email: first.data.email, invitationId: randomUUID() });

    await kit.consumer.handle(first);
    await kit.consumer.handle(second);

    expect(await kit.deliveriesOf(first.id)).toHaveLength(1);
    expect(await kit.deliveriesOf(second.id)).toHaveLength(1);
  });

  it('writes in the language of the account at that address, still without a name', async () => {
    const userId = randomUUID();
    const email = `jurgen-${userId}@example.test`;
    await kit.consumer.handle(
      createEnvelope({ type: 'auth.user.registered.v1', source: 'auth', data: { userId, email, displayName: 'Jürgen', locale: 'de-AT' } }),
    );
    // Addresses compare case-insensitively.
    const event = invited({ email: email.toUpperCase(), role: 'viewer' });

    await kit.consumer.handle(event);

    const [queued] = await kit.deliveriesOf(event.id);
    expect(queued).toMatchObject({ template: 'project-invitation.v1', toAddress: email.toUpperCase(), locale: 'de-AT' });
    expect(queued!.subject).toBe('Ada Lovelace hat dich zu Website Relaunch (WEB) eingeladen');
    expect(queued!.textBody).toMatch(/^Hallo,\n/);
    expect(queued!.textBody).not.toContain('Jürgen');
    expect(queued!.textBody).toContain('Deine Rolle: Betrachter');
    expect(queued!.textBody).toContain('Gültig bis: 8. März 2026 um 14:05 UTC');
  });
});
