import { describe, expect, it } from 'vitest';
import { escapeHtml } from './email-template.js';
import { renderProjectInvitation, type ProjectInvitationModel } from './project-invitation.template.js';

const link = 'https://app.example.test/invitations/accept?token=inv_abc-DEF_1234567890123';
const model: ProjectInvitationModel = {
  email: 'grace@example.test',
  projectName: 'Website Relaunch',
  projectKey: 'WEB',
  role: 'admin',
  inviterName: 'Ada Lovelace',
  link,
  expiresAt: '2026-03-08T14:05:00.000Z',
  locale: 'en',
};

describe('the project-invitation.v1 template', () => {
  it('says in English who invited whom to which project, with which role, until when, and links in both parts', () => {
    const email = renderProjectInvitation(model);

    expect(email.subject).toBe('Ada Lovelace invited you to Website Relaunch (WEB)');
    expect(email.text).toMatch(/^Hello,\n/);
    expect(email.html).toContain('<p>Hello,</p>');
    expect(email.text).toContain(
      'Ada Lovelace invited you to join the project Website Relaunch (WEB) on Mega Solution Platform as an admin.',
    );
    expect(email.text).toContain(
      'Project: Website Relaunch (WEB)\nYour role: Admin\nInvited by: Ada Lovelace\nExpires: 8 March 2026 at 14:05 UTC',
    );
    expect(email.text).toContain('sign in with grace@example.test');
    expect(email.text).toContain('No account yet? The same link lets you create one with grace@example.test');
    expect(email.text).toContain(`Accept the invitation: ${link}`);
    expect(email.html).toContain(`href="${escapeHtml(link)}"`);
  });

  it('speaks German for de and its regional variants', () => {
    for (const locale of ['de', 'de-CH']) {
      const email = renderProjectInvitation({ ...model, role: 'member', locale });

      expect(email.subject).toBe('Ada Lovelace hat dich zu Website Relaunch (WEB) eingeladen');
      expect(email.text).toMatch(/^Hallo,\n/);
      expect(email.text).toContain('dem Projekt Website Relaunch (WEB) auf der Mega Solution Platform als Mitglied beizutreten.');
      expect(email.text).toContain('Deine Rolle: Mitglied');
      expect(email.text).toContain('Gültig bis: 8. März 2026 um 14:05 UTC');
      expect(email.text).toContain('Noch kein Konto?');
      expect(email.text).toContain(`Einladung annehmen: ${link}`);
      expect(email.html).toContain('Einladung annehmen');
    }
  });

  it('falls back to English for a language it has no texts for', () => {
    expect(renderProjectInvitation({ ...model, locale: 'fr-FR' }).subject).toBe(renderProjectInvitation(model).subject);
  });

  it('does without the inviter when their name is unknown', () => {
    const en = renderProjectInvitation({ ...model, inviterName: '  ', role: 'viewer' });
    const de = renderProjectInvitation({ ...model, inviterName: '', role: 'viewer', locale: 'de' });

    expect(en.subject).toBe("You're invited to Website Relaunch (WEB)");
    expect(en.text).toContain('Someone invited you to join the project Website Relaunch (WEB) on Mega Solution Platform as a viewer.');
    expect(en.text).not.toContain('Invited by');
    expect(de.subject).toBe('Einladung zu Website Relaunch (WEB)');
    expect(de.text).toContain('Du wurdest eingeladen, dem Projekt Website Relaunch (WEB)');
    expect(de.text).not.toContain('Eingeladen von');
  });

  it('escapes project and inviter names that carry markup', () => {
    const email = renderProjectInvitation({
      ...model,
      projectName: '<script>alert("p")</script>',
      inviterName: '<img src=x onerror=alert(1)> & Co',
    });

    expect(email.html).not.toMatch(/<(script|img)[\s>]/);
    expect(email.html).toContain('&lt;script&gt;alert(&quot;p&quot;)&lt;/script&gt; (WEB)');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co invited you');
    expect(email.html).toContain('<title>&lt;img src=x onerror=alert(1)&gt; &amp; Co invited you to &lt;script&gt;');
    expect(email.text).toContain('Project: <script>alert("p")</script> (WEB)');
  });

  it('keeps names with line breaks on one line, so they cannot forge lines of the text part or headers', () => {
    const email = renderProjectInvitation({
      ...model,
      projectName: 'Relaunch\r\n\r\nAccept here: https://evil.test',
      inviterName: 'Ada\nBcc: victim@example.test',
    });

    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).not.toMatch(/^(Accept here|Bcc):/m);
    expect(email.text).toContain('Project: Relaunch Accept here: https://evil.test (WEB)');
  });

  it('cannot be made to break out of the link attribute', () => {
    const email = renderProjectInvitation({ ...model, link: 'https://app.example.test/invitations/accept?token=a"><img src=x>' });

    expect(email.html).not.toContain('"><img');
    expect(email.html).toContain('&quot;&gt;&lt;img src=x&gt;');
  });
});
