import { composeEmail, formatUtc, singleLine, supportedLocale, type EmailTemplateId, type RenderedEmail } from './email-template.js';

export interface NewSignInModel {
  displayName: string;
  at: string;
  /** As the client sent them: both are attacker-controlled and shown only escaped and on one line. */
  ip: string;
  userAgent: string;
  /** `${WEB_URL}/forgot-password`: where someone who did not sign in takes the account back. */
  forgotPasswordLink: string;
  locale: string;
}

/** Template `new-sign-in`, version 1. */
export const NEW_SIGN_IN_TEMPLATE: EmailTemplateId = { name: 'new-sign-in.v1', category: 'security' };

const texts = {
  en: {
    subject: 'New sign-in to your account',
    greeting: (name: string) => `Hello ${name},`,
    body: 'Your account was just signed in to.',
    time: 'Time',
    ip: 'IP address',
    device: 'Device',
    unknown: 'unknown',
    yours: 'If this was you, there is nothing to do.',
    notYours: "If this wasn't you, reset your password now: that also signs out every session.",
    action: 'Reset your password',
    why: 'We send this email for every new sign-in to keep your account safe.',
  },
  de: {
    subject: 'Neue Anmeldung bei deinem Konto',
    greeting: (name: string) => `Hallo ${name},`,
    body: 'Bei deinem Konto hat sich gerade jemand angemeldet.',
    time: 'Zeit',
    ip: 'IP-Adresse',
    device: 'Gerät',
    unknown: 'unbekannt',
    yours: 'Wenn du das warst, ist nichts zu tun.',
    notYours: 'Wenn du das nicht warst, setze jetzt dein Passwort zurück: Dabei werden auch alle Sitzungen abgemeldet.',
    action: 'Passwort zurücksetzen',
    why: 'Diese E-Mail senden wir bei jeder neuen Anmeldung, um dein Konto zu schützen.',
  },
};

export function renderNewSignIn(model: NewSignInModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  return composeEmail({
    subject: t.subject,
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.body],
    details: [
      [t.time, formatUtc(model.at, locale)],
      [t.ip, singleLine(model.ip, 64) || t.unknown],
      [t.device, singleLine(model.userAgent) || t.unknown],
    ],
    followUp: [t.yours, t.notYours],
    action: { label: t.action, href: model.forgotPasswordLink },
    notes: [t.why],
  });
}
