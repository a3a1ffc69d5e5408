import { describe, expect, it } from 'vitest';
import { composeEmail, formatUtc, singleLine, webLink } from './email-template.js';

describe('webLink', () => {
  it('appends the path and encodes the parameters', () => {
    expect(webLink('https://app.example.test', '/reset-password', { token: 'a b&c=d' })).toBe(
      'https://app.example.test/reset-password?token=a+b%26c%3Dd',
    );
  });

  it("keeps the web app's own path prefix, with or without a trailing slash", () => {
    expect(webLink('https://example.test/app', '/forgot-password')).toBe('https://example.test/app/forgot-password');
    expect(webLink('https://example.test/app/', '/forgot-password')).toBe('https://example.test/app/forgot-password');
    expect(webLink('http://localhost:3000/', '/verify-email', { token: 't' })).toBe('http://localhost:3000/verify-email?token=t');
  });
});

describe('singleLine', () => {
  it('folds line breaks and control characters into spaces', () => {
    expect(singleLine('Mozilla/5.0\r\n\r\nClick https://evil.test\u0000now')).toBe('Mozilla/5.0 Click https://evil.test now');
    expect(singleLine('a\u2028b\u2029c')).toBe('a b c');
  });

  it('cuts an overlong value with an ellipsis', () => {
    const cut = singleLine('x'.repeat(1_000), 50);
    expect(cut).toHaveLength(50);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('formatUtc', () => {
  it('writes the moment in UTC, whatever offset the event used', () => {
    expect(formatUtc('2026-03-01T15:05:00+01:00', 'en')).toBe('1 March 2026 at 14:05 UTC');
    expect(formatUtc('2026-03-01T14:05:00Z', 'de')).toBe('1. März 2026 um 14:05 UTC');
  });
});

describe('composeEmail', () => {
  const email = composeEmail({
    subject: 'Subject <b>',
    greeting: 'Hello <i>Ada</i>,',
    paragraphs: ['First & only.'],
    details: [['Device', '<img src=x onerror=alert(1)>']],
    followUp: ['Follow "up".'],
    action: { label: 'Go', href: 'https://web.test/x?a=1&b="><script>' },
    notes: ['Note.'],
  });

  it('escapes every piece of content in the HTML part', () => {
    expect(email.html).not.toMatch(/<(i|b|img|script)[\s>]/);
    expect(email.html).toContain('Hello &lt;i&gt;Ada&lt;/i&gt;,');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('href="https://web.test/x?a=1&amp;b=&quot;&gt;&lt;script&gt;"');
    expect(email.html).toContain('<title>Subject &lt;b&gt;</title>');
  });

  it('says the same in the text part, in the same order', () => {
    expect(email.text).toBe(
      'Hello <i>Ada</i>,\n\nFirst & only.\n\nDevice: <img src=x onerror=alert(1)>\n\nFollow "up".\n\n' +
        'Go: https://web.test/x?a=1&b="><script>\n\nNote.\n',
    );
  });
});
