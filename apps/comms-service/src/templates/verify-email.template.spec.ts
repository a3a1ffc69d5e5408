import { describe, expect, it } from 'vitest';
import { escapeHtml, supportedLocale } from './email-template.js';
import { renderVerifyEmail } from './verify-email.template.js';

const link = 'https://app.example.test/verify-email?token=abc_DEF-123&lang=de';

describe('the verify-email template', () => {
  it('renders English with the subject, the greeting and the link in both parts', () => {
    const email = renderVerifyEmail({ displayName: 'Ada', link, locale: 'en' });

    expect(email.subject).toBe('Confirm your email address');
    expect(email.text).toContain('Hello Ada,');
    expect(email.text).toContain(link);
    expect(email.html).toContain('Hello Ada,');
    expect(email.html).toContain(`href="${escapeHtml(link)}"`);
  });

  it('renders German for de and its regional variants', () => {
    for (const locale of ['de', 'de-AT', 'DE-ch']) {
      const email = renderVerifyEmail({ displayName: 'Jürgen', link, locale });

      expect(email.subject).toBe('Bestätige deine E-Mail-Adresse');
      expect(email.text).toContain('Hallo Jürgen,');
      expect(email.text).toContain(link);
      expect(email.html).toContain('E-Mail-Adresse bestätigen');
    }
  });

  it('falls back to English for a language it has no texts for', () => {
    expect(renderVerifyEmail({ displayName: 'Ada', link, locale: 'fr-FR' }).subject).toBe('Confirm your email address');
    expect(supportedLocale('')).toBe('en');
  });

  it('escapes a display name that carries markup in the HTML part', () => {
    const email = renderVerifyEmail({ displayName: '<script>alert("x")</script> & Co', link, locale: 'en' });

    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.text).toContain('Hello <script>alert("x")</script> & Co,');
  });

  it('cannot be made to break out of the link attribute', () => {
    const email = renderVerifyEmail({ displayName: 'Ada', link: 'https://app.example.test/v?token=a"><img src=x>', locale: 'en' });

    expect(email.html).not.toContain('"><img');
    expect(email.html).toContain('&quot;&gt;&lt;img src=x&gt;');
  });
});
