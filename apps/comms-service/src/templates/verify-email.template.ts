import { button, escapeHtml, layout, supportedLocale, type EmailTemplateId, type RenderedEmail } from './email-template.js';

export interface VerifyEmailModel {
  displayName: string;
  link: string;
  locale: string;
}

/** Template `verify-email`, version 1. */
export const VERIFY_EMAIL_TEMPLATE: EmailTemplateId = { name: 'verify-email.v1', category: 'security' };

const texts = {
  en: {
    subject: 'Confirm your email address',
    greeting: (name: string) => `Hello ${name},`,
    body: 'Please confirm your email address to finish setting up your account.',
    action: 'Confirm email address',
    ignore: 'If you did not sign up, you can ignore this email.',
  },
  de: {
    subject: 'Bestätige deine E-Mail-Adresse',
    greeting: (name: string) => `Hallo ${name},`,
    body: 'Bitte bestätige deine E-Mail-Adresse, um dein Konto fertig einzurichten.',
    action: 'E-Mail-Adresse bestätigen',
    ignore: 'Wenn du dich nicht registriert hast, kannst du diese E-Mail ignorieren.',
  },
};

export function renderVerifyEmail(model: VerifyEmailModel): RenderedEmail {
  const t = texts[supportedLocale(model.locale)];
  const text = `${t.greeting(model.displayName)}\n\n${t.body}\n\n${t.action}: ${model.link}\n\n${t.ignore}\n`;
  const html = layout(
    t.subject,
    `<p>${escapeHtml(t.greeting(model.displayName))}</p><p>${escapeHtml(t.body)}</p>${button(model.link, t.action)}` +
      `<p style="font-size:13px;color:#57606a;word-break:break-all">${escapeHtml(model.link)}</p>` +
      `<p style="font-size:13px;color:#57606a">${escapeHtml(t.ignore)}</p>`,
  );
  return { subject: t.subject, text, html };
}
