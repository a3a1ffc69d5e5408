import { composeEmail, formatUtc, singleLine, supportedLocale, type EmailTemplateId, type RenderedEmail } from './email-template.js';

export interface PasswordChangedModel {
  displayName: string;
  /** `reset`: through an emailed reset link; `change`: by a signed-in user who knew the old password. */
  via: 'change' | 'reset';
  at: string;
  forgotPasswordLink: string;
  locale: string;
}

/** Template `password-changed`, version 1. */
export const PASSWORD_CHANGED_TEMPLATE: EmailTemplateId = { name: 'password-changed.v1', category: 'security' };

const texts = {
  en: {
    subject: 'Your password was changed',
    greeting: (name: string) => `Hello ${name},`,
    changed: {
      reset: (at: string) => `The password of your account was changed on ${at} using a password reset link.`,
      change: (at: string) => `The password of your account was changed on ${at} in your account settings.`,
    },
    sessions: 'Every other session was signed out: sign in there again with the new password.',
    notYours: "If this wasn't you, reset your password right away with the link below and check your account's sessions.",
    action: 'Reset your password',
    why: 'We always send this email when your password changes, to keep your account safe.',
  },
  de: {
    subject: 'Dein Passwort wurde geändert',
    greeting: (name: string) => `Hallo ${name},`,
    changed: {
      reset: (at: string) => `Das Passwort deines Kontos wurde am ${at} über einen Link zum Zurücksetzen geändert.`,
      change: (at: string) => `Das Passwort deines Kontos wurde am ${at} in deinen Kontoeinstellungen geändert.`,
    },
    sessions: 'Alle anderen Sitzungen wurden abgemeldet: Melde dich dort mit dem neuen Passwort wieder an.',
    notYours: 'Wenn du das nicht warst, setze dein Passwort sofort über den Link unten zurück und prüfe die Sitzungen deines Kontos.',
    action: 'Passwort zurücksetzen',
    why: 'Diese E-Mail senden wir immer, wenn sich dein Passwort ändert, um dein Konto zu schützen.',
  },
};

export function renderPasswordChanged(model: PasswordChangedModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  return composeEmail({
    subject: t.subject,
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.changed[model.via](formatUtc(model.at, locale)), t.sessions],
    followUp: [t.notYours],
    action: { label: t.action, href: model.forgotPasswordLink },
    notes: [t.why],
  });
}
