import { describe, expect, it } from 'vitest';
import { escapeHtml, formatMoney, type RenderedEmail } from './email-template.js';
import { renderPaymentFailed } from './payment-failed.template.js';
import { renderPaymentReceipt } from './payment-receipt.template.js';
import { renderTaskAssigned } from './task-assigned.template.js';

const unsubscribeLink = 'https://web.test/unsubscribe?token=tok_abc';
const taskLink = 'https://web.test/projects/p1/tasks/WEB-42';
const billingLink = 'https://web.test/projects/p1/billing';

const task = (locale: string, overrides = {}) =>
  renderTaskAssigned({
    displayName: 'Ada',
    locale,
    projectName: 'Website Relaunch',
    taskKey: 'WEB-42',
    title: 'Fix the login page',
    assignerName: 'Grace Hopper',
    link: taskLink,
    unsubscribeLink,
    ...overrides,
  });
const receipt = (locale: string, overrides = {}) =>
  renderPaymentReceipt({
    displayName: 'Ada',
    locale,
    projectName: 'Website Relaunch',
    plan: 'pro',
    amount: 2900,
    currency: 'eur',
    receiptNumber: 'R-2026-000042',
    succeededAt: '2026-03-01T14:05:00.000Z',
    link: billingLink,
    unsubscribeLink,
    ...overrides,
  });
const failed = (locale: string, overrides = {}) =>
  renderPaymentFailed({
    displayName: 'Ada',
    locale,
    projectName: 'Website Relaunch',
    plan: 'business',
    amount: 9900,
    currency: 'eur',
    reason: 'Your card was declined.',
    link: billingLink,
    unsubscribeLink,
    ...overrides,
  });

/** Each new template, rendered in a language, with where its button points and its unsubscribe footer. */
const templates: Array<{
  name: string;
  link: string;
  render: (locale: string) => RenderedEmail;
  unsubscribe: Record<'en' | 'de', string>;
}> = [
  {
    name: 'task-assigned.v1',
    link: taskLink,
    render: (locale) => task(locale),
    unsubscribe: { en: 'Unsubscribe from task emails', de: 'Aufgaben-E-Mails abbestellen' },
  },
  {
    name: 'payment-receipt.v1',
    link: billingLink,
    render: (locale) => receipt(locale),
    unsubscribe: { en: 'Unsubscribe from billing emails', de: 'Abrechnungs-E-Mails abbestellen' },
  },
  {
    name: 'payment-failed.v1',
    link: billingLink,
    render: (locale) => failed(locale),
    unsubscribe: { en: 'Unsubscribe from billing emails', de: 'Abrechnungs-E-Mails abbestellen' },
  },
];

describe.each(templates)('the $name template', ({ link, render, unsubscribe }) => {
  it('writes English with the same content in the text and HTML parts, and the unsubscribe link last', () => {
    const email = render('en');

    expect(email.text).toMatch(/^Hello Ada,\n/);
    expect(email.html).toContain('<p>Hello Ada,</p>');
    expect(email.text).toContain(link);
    expect(email.html).toContain(`href="${escapeHtml(link)}"`);
    expect(email.text.trimEnd().endsWith(`${unsubscribe.en}: ${unsubscribeLink}`)).toBe(true);
    expect(email.html).toContain(`href="${escapeHtml(unsubscribeLink)}"`);
    expect(email.html).toContain(unsubscribe.en);
  });

  it('speaks German for de and its regional variants, and falls back to English otherwise', () => {
    for (const locale of ['de', 'de-AT']) {
      const email = render(locale);

      expect(email.subject).not.toBe(render('en').subject);
      expect(email.text).toMatch(/^Hallo Ada,\n/);
      expect(email.html).toContain('<p>Hallo Ada,</p>');
      expect(email.text).toContain(`${unsubscribe.de}: ${unsubscribeLink}`);
    }
    expect(render('fr-FR').subject).toBe(render('en').subject);
  });
});

describe('the task-assigned.v1 template', () => {
  it('says who assigned which task in which project', () => {
    const en = task('en');
    const de = task('de');

    expect(en.subject).toBe('You were assigned WEB-42: Fix the login page');
    expect(en.text).toContain('Grace Hopper assigned you the task WEB-42: Fix the login page in Website Relaunch.');
    expect(en.text).toContain('Task: WEB-42: Fix the login page\nProject: Website Relaunch\nAssigned by: Grace Hopper');
    expect(de.subject).toBe('Dir wurde WEB-42: Fix the login page zugewiesen');
    expect(de.text).toContain('Grace Hopper hat dir die Aufgabe WEB-42: Fix the login page in Website Relaunch zugewiesen.');
    expect(de.text).toContain(`Aufgabe öffnen: ${taskLink}`);
  });

  it('does without the assigner when their name is unknown', () => {
    const email = task('en', { assignerName: ' ' });

    expect(email.text).toContain('You were assigned the task WEB-42: Fix the login page in Website Relaunch.');
    expect(email.text).not.toContain('Assigned by');
  });

  it('escapes a title that carries markup and keeps it on one line', () => {
    const email = task('en', { title: '<img src=x onerror=alert(1)>\r\nBcc: victim@example.test' });

    expect(email.html).not.toMatch(/<img[\s>]/);
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; Bcc: victim@example.test');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).not.toMatch(/^Bcc:/m);
  });

  it('has no unsubscribe footer without a link', () => {
    const email = task('en', { unsubscribeLink: undefined });

    expect(email.text).not.toContain('Unsubscribe');
    expect(email.html).not.toContain('Unsubscribe');
  });
});

describe('the payment-receipt.v1 template', () => {
  it('gives the receipt number, the amount as the locale writes money, the plan and the date', () => {
    const en = receipt('en');
    const de = receipt('de-DE');

    expect(en.subject).toBe('Receipt R-2026-000042 for Website Relaunch');
    expect(en.text).toContain('Thank you for your payment. Website Relaunch is now on the Pro plan.');
    expect(en.text).toContain(
      'Receipt number: R-2026-000042\nAmount paid: €29.00\nPlan: Pro\nProject: Website Relaunch\nDate: 1 March 2026 at 14:05 UTC',
    );
    expect(de.subject).toBe('Beleg R-2026-000042 für Website Relaunch');
    expect(de.text).toContain('Bezahlter Betrag: 29,00\u00a0€');
    expect(de.text).toContain('Datum: 1. März 2026 um 14:05 UTC');
  });

  it("uses the currency's own decimals and the recipient's regional format", () => {
    expect(receipt('en', { amount: 1500, currency: 'jpy' }).text).toContain('Amount paid: ¥1,500');
    expect(receipt('en-US', { amount: 123456, currency: 'usd' }).text).toContain('Amount paid: $1,234.56');
    expect(receipt('de-CH', { amount: 2900, currency: 'chf' }).text).toMatch(/Bezahlter Betrag: CHF.29\.00/);
  });
});

describe('the payment-failed.v1 template', () => {
  it("says what failed, that nothing was charged, and the gateway's reason", () => {
    const en = failed('en');
    const de = failed('de');

    expect(en.subject).toBe('Your payment for Website Relaunch failed');
    expect(en.text).toContain('We could not take your payment of €99.00 for the Business plan of Website Relaunch. Nothing was charged');
    expect(en.text).toContain('Reason: Your card was declined.');
    expect(en.text).toContain(`Try again: ${billingLink}`);
    expect(de.subject).toBe('Deine Zahlung für Website Relaunch ist fehlgeschlagen');
    expect(de.text).toContain('Grund: Your card was declined.');
    expect(de.text).toContain('Erneut versuchen');
  });

  it('says the reason is unknown rather than leaving it blank', () => {
    expect(failed('en', { reason: '' }).text).toContain('Reason: not given');
    expect(failed('de', { reason: ' ' }).text).toContain('Grund: nicht angegeben');
  });
});

describe('formatMoney', () => {
  it('falls back to the language default for a locale tag Intl rejects', () => {
    expect(formatMoney(2900, 'eur', 'de-!!')).toBe(formatMoney(2900, 'eur', 'de-DE'));
    expect(formatMoney(2900, 'eur', 'fr-FR')).toBe('€29.00');
  });
});
