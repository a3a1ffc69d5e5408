import {
  composeEmail,
  formatMoney,
  singleLine,
  supportedLocale,
  type EmailTemplateId,
  type RenderedEmail,
  type SupportedLocale,
} from './email-template.js';
import { planName } from './billing-texts.js';
import { unsubscribeFooter } from './unsubscribe-footer.js';

export interface PaymentFailedModel {
  displayName: string;
  locale: string;
  projectName: string;
  plan: string;
  /** In the currency's minor unit (cents). */
  amount: number;
  currency: string;
  /** The payment gateway's reason, e.g. "Your card was declined." */
  reason: string;
  /** `${WEB_URL}/projects/<id>/billing`: where the payer tries again. */
  link: string;
  unsubscribeLink?: string | undefined;
}

export const PAYMENT_FAILED_TEMPLATE: EmailTemplateId = { name: 'payment-failed.v1', category: 'billing' };

interface Texts {
  subject: (project: string) => string;
  greeting: (name: string) => string;
  failed: (amount: string, plan: string, project: string) => string;
  amount: string;
  plan: string;
  project: string;
  reason: string;
  unknownReason: string;
  again: string;
  action: string;
}

const texts: Record<SupportedLocale, Texts> = {
  en: {
    subject: (project) => `Your payment for ${project} failed`,
    greeting: (name) => `Hello ${name},`,
    failed: (amount, plan, project) =>
      `We could not take your payment of ${amount} for the ${plan} plan of ${project}. Nothing was charged and the plan has not changed.`,
    amount: 'Amount',
    plan: 'Plan',
    project: 'Project',
    reason: 'Reason',
    unknownReason: 'not given',
    again: 'You can try again, with the same or another payment method, on the billing page of the project.',
    action: 'Try again',
  },
  de: {
    subject: (project) => `Deine Zahlung für ${project} ist fehlgeschlagen`,
    greeting: (name) => `Hallo ${name},`,
    failed: (amount, plan, project) =>
      `Deine Zahlung über ${amount} für den Tarif ${plan} von ${project} konnte nicht durchgeführt werden. Es wurde nichts abgebucht und der Tarif bleibt unverändert.`,
    amount: 'Betrag',
    plan: 'Tarif',
    project: 'Projekt',
    reason: 'Grund',
    unknownReason: 'nicht angegeben',
    again: 'Du kannst es auf der Abrechnungsseite des Projekts erneut versuchen, mit derselben oder einer anderen Zahlungsmethode.',
    action: 'Erneut versuchen',
  },
};

/** The gateway's reason is shown as it came (in its language), on one line and escaped. */
export function renderPaymentFailed(model: PaymentFailedModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  const project = singleLine(model.projectName, 100);
  const plan = planName(model.plan);
  const amount = formatMoney(model.amount, model.currency, model.locale);
  return composeEmail({
    subject: t.subject(project),
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.failed(amount, plan, project)],
    details: [
      [t.amount, amount],
      [t.plan, plan],
      [t.project, project],
      [t.reason, singleLine(model.reason) || t.unknownReason],
    ],
    followUp: [t.again],
    action: { label: t.action, href: model.link },
    unsubscribe: unsubscribeFooter('billing', locale, model.unsubscribeLink),
  });
}
