import { composeEmail, formatUtc, singleLine, supportedLocale, type EmailTemplateId, type RenderedEmail } from './email-template.js';

export interface MfaEnabledModel {
  displayName: string;
  at: string;
  forgotPasswordLink: string;
  locale: string;
}

/** Template `mfa-enabled`, version 1. */
export const MFA_ENABLED_TEMPLATE: EmailTemplateId = { name: 'mfa-enabled.v1', category: 'security' };

const texts = {
  en: {
    subject: 'Two-factor authentication is on',
    greeting: (name: string) => `Hello ${name},`,
    enabled: (at: string) =>
      `Two-factor authentication was turned on for your account on ${at}. From now on, signing in also asks for a code from your authenticator app.`,
    recovery: 'Keep your recovery codes somewhere safe: each one lets you in once if you lose your phone.',
    notYours: "If this wasn't you, someone else may know your password: reset it right away.",
    action: 'Reset your password',
    why: 'We always send this email when the sign-in protection of your account changes.',
  },
  de: {
    subject: 'Zwei-Faktor-Authentifizierung ist eingeschaltet',
    greeting: (name: string) => `Hallo ${name},`,
    enabled: (at: string) =>
      `Für dein Konto wurde am ${at} die Zwei-Faktor-Authentifizierung eingeschaltet. Bei der Anmeldung brauchst du ab jetzt zusätzlich einen Code aus deiner Authenticator-App.`,
    recovery: 'Bewahre deine Wiederherstellungscodes sicher auf: Mit jedem kommst du einmal herein, falls du dein Handy verlierst.',
    notYours: 'Wenn du das nicht warst, kennt womöglich jemand anderes dein Passwort: Setze es sofort zurück.',
    action: 'Passwort zurücksetzen',
    why: 'Diese E-Mail senden wir immer, wenn sich der Anmeldeschutz deines Kontos ändert.',
  },
};

export function renderMfaEnabled(model: MfaEnabledModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  return composeEmail({
    subject: t.subject,
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.enabled(formatUtc(model.at, locale)), t.recovery],
    followUp: [t.notYours],
    action: { label: t.action, href: model.forgotPasswordLink },
    notes: [t.why],
  });
}
