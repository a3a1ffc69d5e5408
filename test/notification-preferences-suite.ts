import { randomBytes } from 'node:crypto';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from './platforms.js';
import { joinProject, newProject } from './project-helpers.js';

interface Person {
  email: string;
  password: string;
  userId: string;
  accessToken: string;
}

interface Notification {
  type: string;
  title: string;
}

/**
 * Email preferences end to end: a category turned off stops its emails but never security emails,
 * the in-app notification is still written, and an email's one-click unsubscribe link turns its
 * category off in the user's preferences.
 */
export function notificationPreferencesSuite(mode: string, start: () => Promise<RunningPlatform>) {
  describe(`notification preferences (${mode})`, () => {
    let platform: RunningPlatform;
    let gateway: TestGatewayClient;
    let inbox: DevInboxClient;
    let owner: Person;
    let quiet: Person;
    let loud: Person;
    let projectId: string;

    const signUp = async (name: string): Promise<Person> => {
      const person = { email: `${name}-${randomBytes(4).toString('hex')}@example.test`, password: `pw-${randomBytes(8).toString('hex')}` };
      const session = await gateway.signUp(inbox, { ...person, displayName: name });
      return { ...person, ...session };
    };

    const assign = async (title: string, assignee: Person) => {
      const created = await gateway.call('POST', `/api/v1/projects/${projectId}/tasks`, {
        token: owner.accessToken,
        body: { title, assigneeId: assignee.userId },
      });
      expect(created.status).toBe(201);
      return created.body as { key: string };
    };

    const subjectsTo = async (person: Person) => (await inbox.messagesTo(person.email)).map((message) => message.Subject);
    /** The subject of the task-assigned email (English): `You were assigned WEB-2: Title`. */
    const assignedSubject = (task: { key: string }, title: string) => `You were assigned ${task.key}: ${title}`;

    beforeAll(async () => {
      platform = await start();
      gateway = new TestGatewayClient(platform.gatewayUrl);
      inbox = new DevInboxClient(platform.inboxUrl);
      [owner, quiet, loud] = await Promise.all([signUp('owner'), signUp('quiet'), signUp('loud')]);
      projectId = (await newProject(gateway, owner.accessToken, 'Preferences')).id;
      for (const person of [quiet, loud]) {
        await joinProject(gateway, inbox, { ownerToken: owner.accessToken, projectId, role: 'member' }, person);
      }
    });

    afterAll(async () => {
      await platform?.stop();
    });

    it('sends no task emails to someone who turned them off, but still the in-app notification and security emails', async () => {
      const current = await gateway.call('GET', '/api/v1/me/notification-preferences', { token: quiet.accessToken });
      const email = { ...(current.body as { email: Record<string, boolean> }).email, tasks: false };
      const saved = await gateway.call('PUT', '/api/v1/me/notification-preferences', { token: quiet.accessToken, body: { email } });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ email: { tasks: false, security: true } });

      const quietTask = await assign('Quietly assigned', quiet);
      const loudTask = await assign('Loudly assigned', loud);

      // The in-app notification proves comms has handled the assignment to the quiet member.
      await expect
        .poll(
          async () => {
            const answer = await gateway.call('GET', '/api/v1/notifications', { token: quiet.accessToken });
            return (answer.body as { items: Notification[] }).items.map((item) => item.type);
          },
          { timeout: 20_000, interval: 200 },
        )
        .toContain('task.assigned');
      // The control: the member with default preferences got the email for the task created after.
      await expect.poll(() => subjectsTo(loud), { timeout: 20_000, interval: 200 }).toContain(assignedSubject(loudTask, 'Loudly assigned'));
      expect(await subjectsTo(quiet)).not.toContain(assignedSubject(quietTask, 'Quietly assigned'));

      const changed = await gateway.call('POST', '/api/v1/auth/password/change', {
        token: quiet.accessToken,
        body: { currentPassword: quiet.password, newPassword: `${quiet.password}-new` },
      });
      expect(changed.status).toBe(204);
      await expect.poll(() => subjectsTo(quiet), { timeout: 20_000, interval: 200 }).toContain('Your password was changed');
    });

    it("turns a category off with the email's one-click unsubscribe link", async () => {
      const summary = (await inbox.messagesTo(loud.email)).find((message) => message.Subject.startsWith('You were assigned'));
      expect(summary).toBeDefined();
      const mail = await inbox.message(summary!.ID);
      const token = mail.Text.match(/unsubscribe\?token=([A-Za-z0-9_-]+)/)?.[1];
      expect(token, 'the task email carries an unsubscribe link').toBeDefined();

      // What a mail client sends for RFC 8058 one-click: a form POST to the List-Unsubscribe URL.
      const response = await fetch(`${platform.gatewayUrl}/api/v1/unsubscribe?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ category: 'tasks', email: loud.email });

      // The user service owns preferences and learns of it through an event.
      await expect
        .poll(
          async () => {
            const answer = await gateway.call('GET', '/api/v1/me/notification-preferences', { token: loud.accessToken });
            return (answer.body as { email: Record<string, boolean> }).email.tasks;
          },
          { timeout: 20_000, interval: 200 },
        )
        .toBe(false);

      const bogus = await fetch(`${platform.gatewayUrl}/api/v1/unsubscribe?token=not-a-real-token`, { method: 'POST' });
      expect(bogus.status).toBe(400);
      expect(bogus.headers.get('content-type')).toContain('application/problem+json');
    });
  });
}
