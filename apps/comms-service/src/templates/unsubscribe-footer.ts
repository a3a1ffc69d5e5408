import type { EmailCategory, EmailContent, SupportedLocale } from './email-template.js';

type OptionalCategory = Exclude<EmailCategory, 'security'>;

const texts: Record<SupportedLocale, Record<OptionalCategory, { reason: string; label: string }>> = {
  en: {
    projects: {
      reason: 'You get this email because project emails are on in your notification settings.',
      label: 'Unsubscribe from project emails',
    },
    tasks: {
      reason: 'You get this email because task emails are on in your notification settings.',
      label: 'Unsubscribe from task emails',
    },
    billing: {
      reason: 'You get this email because billing emails are on in your notification settings.',
      label: 'Unsubscribe from billing emails',
    },
  },
  de: {
    projects: {
      reason: 'Du bekommst diese E-Mail, weil Projekt-E-Mails in deinen Benachrichtigungseinstellungen eingeschaltet sind.',
      label: 'Projekt-E-Mails abbestellen',
    },
    tasks: {
      reason: 'Du bekommst diese E-Mail, weil Aufgaben-E-Mails in deinen Benachrichtigungseinstellungen eingeschaltet sind.',
      label: 'Aufgaben-E-Mails abbestellen',
    },
    billing: {
      reason: 'Du bekommst diese E-Mail, weil Abrechnungs-E-Mails in deinen Benachrichtigungseinstellungen eingeschaltet sind.',
      label: 'Abrechnungs-E-Mails abbestellen',
    },
  },
};

/**
 * The closing lines of an email a user can turn off: why they get it and the link that stops it.
 * Undefined without a link (mail to an address that has no account has no preferences to change).
 */
export function unsubscribeFooter(
  category: OptionalCategory,
  locale: SupportedLocale,
  href: string | undefined,
): EmailContent['unsubscribe'] | undefined {
  return href ? { ...texts[locale][category], href } : undefined;
}
