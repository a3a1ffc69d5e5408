import { composeEmail, formatUtc, singleLine, supportedLocale, type EmailTemplateId, type RenderedEmail } from './email-template.js';

export interface MfaDisabledModel {
  displayName: string;
  at: string;
  forgotPasswordLink: string;
  locale: string;
}

/** Template `mfa-disabled`, version 1. */
export const MFA_DISABLED_TEMPLATE: EmailTemplateId = { name: 'mfa-disabled.v1', category: 'security' };

const texts = {
  en: {
    subject: 'Two-factor authentication is off',
    greeting: (name: string) => `Hello ${name},`,
    disabled: (at: string) =>
      `Two-factor authentication was turned off for your account on ${at}. Signing in now needs only your password.`,
    again: 'You can turn it back on at any time in your account settings.',
    notYours: "If this wasn't you, reset your password right away, then turn two-factor authentication back on.",
    action: 'Reset your password',
    why: 'We always send this email when the sign-in protection of your account changes.',
  },
  de: {
    subject: 'Zwei-Faktor-Authentifizierung ist ausgeschaltet',
    greeting: (name: string) => `Hallo ${name},`,
    disabled: (at: string) =>
      `Für dein Konto wurde am ${at} die Zwei-Faktor-Authentifizierung ausgeschaltet. Zur Anmeldung genügt jetzt dein Passwort.`,
    again: 'Du kannst sie jederzeit in deinen Kontoeinstellungen wieder einschalten.',
    notYours: 'Wenn du das nicht warst, setze sofort dein Passwort zurück und schalte danach die Zwei-Faktor-Authentifizierung wieder ein.',
    action: 'Passwort zurücksetzen',
    why: 'Diese E-Mail senden wir immer, wenn sich der Anmeldeschutz deines Kontos ändert.',
  },
};

export function renderMfaDisabled(model: MfaDisabledModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  return composeEmail({
    subject: t.subject,
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.disabled(formatUtc(model.at, locale)), t.again],
    followUp: [t.notYours],
    action: { label: t.action, href: model.forgotPasswordLink },
    notes: [t.why],
  });
}
