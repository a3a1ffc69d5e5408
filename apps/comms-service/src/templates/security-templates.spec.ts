import { describe, expect, it } from 'vitest';
import { escapeHtml, type RenderedEmail } from './email-template.js';
import { renderMfaDisabled } from './mfa-disabled.template.js';
import { renderMfaEnabled } from './mfa-enabled.template.js';
import { renderNewSignIn } from './new-sign-in.template.js';
import { renderPasswordChanged } from './password-changed.template.js';
import { renderPasswordReset } from './password-reset.template.js';

const resetLink = 'https://app.example.test/reset-password?token=abc_DEF-123456789012345';
const forgotLink = 'https://app.example.test/forgot-password';
const at = '2026-03-01T14:05:00.000Z';
const evilName = '<script>alert("x")</script> & Co';

/** Each security template, rendered from a name and a language; `link` is where its button points. */
const templates: Array<{ name: string; link: string; render: (displayName: string, locale: string) => RenderedEmail }> = [
  {
    name: 'password-reset.v1',
    link: resetLink,
    render: (displayName, locale) => renderPasswordReset({ displayName, locale, link: resetLink, expiresAt: at }),
  },
  {
    name: 'new-sign-in.v1',
    link: forgotLink,
    render: (displayName, locale) =>
      renderNewSignIn({ displayName, locale, at, ip: '203.0.113.7', userAgent: 'Firefox on Linux', forgotPasswordLink: forgotLink }),
  },
  {
    name: 'password-changed.v1',
    link: forgotLink,
    render: (displayName, locale) => renderPasswordChanged({ displayName, locale, via: 'change', at, forgotPasswordLink: forgotLink }),
  },
  {
    name: 'mfa-enabled.v1',
    link: forgotLink,
    render: (displayName, locale) => renderMfaEnabled({ displayName, locale, at, forgotPasswordLink: forgotLink }),
  },
  {
    name: 'mfa-disabled.v1',
    link: forgotLink,
    render: (displayName, locale) => renderMfaDisabled({ displayName, locale, at, forgotPasswordLink: forgotLink }),
  },
];

describe.each(templates)('the $name template', ({ link, render }) => {
  it('greets in English and links in both parts', () => {
    const email = render('Ada', 'en');

    expect(email.text).toMatch(/^Hello Ada,\n/);
    expect(email.html).toContain('<p>Hello Ada,</p>');
    expect(email.text).toContain(link);
    expect(email.html).toContain(`href="${escapeHtml(link)}"`);
    expect(email.text).toContain('1 March 2026 at 14:05 UTC');
  });

  it('speaks German for de and its regional variants', () => {
    const english = render('Jürgen', 'en');
    for (const locale of ['de', 'de-AT']) {
      const email = render('Jürgen', locale);

      expect(email.subject).not.toBe(english.subject);
      expect(email.text).toMatch(/^Hallo Jürgen,\n/);
      expect(email.text).toContain('1. März 2026 um 14:05 UTC');
      expect(email.text).toContain(link);
    }
  });

  it('falls back to English for a language it has no texts for', () => {
    expect(render('Ada', 'fr-FR').subject).toBe(render('Ada', 'en').subject);
  });

  it('escapes a display name that carries markup', () => {
    const email = render(evilName, 'en');

    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co,');
    expect(email.subject).not.toContain('script');
  });

  it('keeps a display name with line breaks on the greeting line of the text part', () => {
    expect(render('Ada\n\nReset here: https://evil.test', 'en').text).toMatch(/^Hello Ada Reset here: https:\/\/evil\.test,\n/);
  });
});

describe('the password-reset.v1 template', () => {
  it('says the link expires, when, and that ignoring the email is safe', () => {
    const en = renderPasswordReset({ displayName: 'Ada', locale: 'en', link: resetLink, expiresAt: '2026-03-01T14:35:00Z' });
    const de = renderPasswordReset({ displayName: 'Ada', locale: 'de', link: resetLink, expiresAt: '2026-03-01T14:35:00Z' });

    expect(en.subject).toBe('Reset your password');
    expect(en.text).toContain('expires on 1 March 2026 at 14:35 UTC');
    expect(en.text).toContain('you can safely ignore this email');
    expect(de.text).toContain('läuft am 1. März 2026 um 14:35 UTC ab');
    expect(de.text).toContain('gefahrlos ignorieren');
  });
});

describe('the new-sign-in.v1 template', () => {
  const model = { displayName: 'Ada', at, ip: '2001:db8::1', userAgent: 'Mozilla/5.0 (X11; Linux)', forgotPasswordLink: forgotLink };

  it('shows the time in UTC, the IP and the device, and what to do if it was not you', () => {
    const email = renderNewSignIn({ ...model, locale: 'en' });

    expect(email.text).toContain('Time: 1 March 2026 at 14:05 UTC\nIP address: 2001:db8::1\nDevice: Mozilla/5.0 (X11; Linux)');
    expect(email.text).toContain("If this wasn't you, reset your password now");
    expect(email.text).toContain(`Reset your password: ${forgotLink}`);
    expect(renderNewSignIn({ ...model, locale: 'de' }).text).toContain('Gerät: Mozilla/5.0 (X11; Linux)');
  });

  it('escapes a hostile user agent and keeps it on one short line of text', () => {
    const userAgent = `<img src=x onerror=alert(1)>\r\nReset now: https://evil.test ${'A'.repeat(500)}`;
    const email = renderNewSignIn({ ...model, userAgent, ip: '"><b>', locale: 'en' });

    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; Reset now');
    const deviceLine = email.text.split('\n').find((line) => line.startsWith('Device: '))!;
    expect(deviceLine).toContain('Reset now: https://evil.test');
    expect(deviceLine.length).toBeLessThanOrEqual('Device: '.length + 200);
    expect(email.text).not.toMatch(/^Reset now/m);
  });

  it('says "unknown" rather than leaving a fact blank', () => {
    expect(renderNewSignIn({ ...model, ip: '', userAgent: ' ', locale: 'en' }).text).toContain('IP address: unknown\nDevice: unknown');
    expect(renderNewSignIn({ ...model, ip: '', userAgent: '', locale: 'de' }).text).toContain('IP-Adresse: unbekannt\nGerät: unbekannt');
  });
});

describe('the password-changed.v1 template', () => {
  const model = { displayName: 'Ada', at, forgotPasswordLink: forgotLink };

  it('tells a reset from a change, in both languages', () => {
    expect(renderPasswordChanged({ ...model, via: 'reset', locale: 'en' }).text).toContain('using a password reset link');
    expect(renderPasswordChanged({ ...model, via: 'change', locale: 'en' }).text).toContain('in your account settings');
    expect(renderPasswordChanged({ ...model, via: 'reset', locale: 'de' }).text).toContain('über einen Link zum Zurücksetzen');
    expect(renderPasswordChanged({ ...model, via: 'change', locale: 'de' }).text).toContain('in deinen Kontoeinstellungen');
  });

  it('says every other session was signed out and what to do if it was not them', () => {
    const en = renderPasswordChanged({ ...model, via: 'change', locale: 'en' });
    const de = renderPasswordChanged({ ...model, via: 'change', locale: 'de' });

    expect(en.subject).toBe('Your password was changed');
    expect(en.text).toContain('Every other session was signed out');
    expect(en.text).toContain("If this wasn't you, reset your password right away");
    expect(de.text).toContain('Alle anderen Sitzungen wurden abgemeldet');
    expect(de.text).toContain('Wenn du das nicht warst');
  });
});

describe('the MFA templates', () => {
  const model = { displayName: 'Ada', at, forgotPasswordLink: forgotLink };

  it('say whether two-factor authentication was turned on or off', () => {
    expect(renderMfaEnabled({ ...model, locale: 'en' }).subject).toBe('Two-factor authentication is on');
    expect(renderMfaDisabled({ ...model, locale: 'en' }).subject).toBe('Two-factor authentication is off');
    expect(renderMfaEnabled({ ...model, locale: 'de' }).text).toContain('eingeschaltet');
    expect(renderMfaDisabled({ ...model, locale: 'de' }).text).toContain('ausgeschaltet');
    expect(renderMfaEnabled({ ...model, locale: 'en' }).text).toContain('recovery codes');
  });
});
