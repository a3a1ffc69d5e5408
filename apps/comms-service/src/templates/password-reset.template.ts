import { composeEmail, formatUtc, singleLine, supportedLocale, type EmailTemplateId, type RenderedEmail } from './email-template.js';

export interface PasswordResetModel {
  displayName: string;
  /** `${WEB_URL}/reset-password?token=…`: the raw single-use token, which only this email carries. */
  link: string;
  expiresAt: string;
  locale: string;
}

/** Template `password-reset`, version 1. */
export const PASSWORD_RESET_TEMPLATE: EmailTemplateId = { name: 'password-reset.v1', category: 'security' };

const texts = {
  en: {
    subject: 'Reset your password',
    greeting: (name: string) => `Hello ${name},`,
    body: 'Someone asked to reset the password of your account. Use the link below to choose a new one.',
    expiry: (at: string) => `The link works once and expires on ${at}.`,
    action: 'Choose a new password',
    ignore: 'If you did not ask for this, you can safely ignore this email: your password stays as it is.',
  },
  de: {
    subject: 'Setze dein Passwort zurück',
    greeting: (name: string) => `Hallo ${name},`,
    body: 'Jemand hat angefordert, das Passwort deines Kontos zurückzusetzen. Über den Link unten kannst du ein neues wählen.',
    expiry: (at: string) => `Der Link funktioniert nur einmal und läuft am ${at} ab.`,
    action: 'Neues Passwort wählen',
    ignore: 'Wenn du das nicht angefordert hast, kannst du diese E-Mail gefahrlos ignorieren: Dein Passwort bleibt unverändert.',
  },
};

export function renderPasswordReset(model: PasswordResetModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  return composeEmail({
    subject: t.subject,
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.body, t.expiry(formatUtc(model.expiresAt, locale))],
    action: { label: t.action, href: model.link },
    notes: [t.ignore],
  });
}
