import {
  composeEmail,
  formatMoney,
  formatUtc,
  singleLine,
  supportedLocale,
  type EmailTemplateId,
  type RenderedEmail,
  type SupportedLocale,
} from './email-template.js';
import { planName } from './billing-texts.js';
import { unsubscribeFooter } from './unsubscribe-footer.js';

export interface PaymentReceiptModel {
  displayName: string;
  /** The recipient's own locale (`de-AT`): the amount is written the way it writes money. */
  locale: string;
  projectName: string;
  plan: string;
  /** In the currency's minor unit (cents). */
  amount: number;
  currency: string;
  receiptNumber: string;
  succeededAt: string;
  /** `${WEB_URL}/projects/<id>/billing`. */
  link: string;
  unsubscribeLink?: string | undefined;
}

export const PAYMENT_RECEIPT_TEMPLATE: EmailTemplateId = { name: 'payment-receipt.v1', category: 'billing' };

interface Texts {
  subject: (receipt: string, project: string) => string;
  greeting: (name: string) => string;
  thanks: (project: string, plan: string) => string;
  receipt: string;
  amount: string;
  plan: string;
  project: string;
  date: string;
  action: string;
  keep: string;
}

const texts: Record<SupportedLocale, Texts> = {
  en: {
    subject: (receipt, project) => `Receipt ${receipt} for ${project}`,
    greeting: (name) => `Hello ${name},`,
    thanks: (project, plan) => `Thank you for your payment. ${project} is now on the ${plan} plan.`,
    receipt: 'Receipt number',
    amount: 'Amount paid',
    plan: 'Plan',
    project: 'Project',
    date: 'Date',
    action: 'View billing',
    keep: 'Keep this email for your records. Every payment of the project is also listed on its billing page.',
  },
  de: {
    subject: (receipt, project) => `Beleg ${receipt} für ${project}`,
    greeting: (name) => `Hallo ${name},`,
    thanks: (project, plan) => `Danke für deine Zahlung. ${project} nutzt jetzt den Tarif ${plan}.`,
    receipt: 'Belegnummer',
    amount: 'Bezahlter Betrag',
    plan: 'Tarif',
    project: 'Projekt',
    date: 'Datum',
    action: 'Abrechnung ansehen',
    keep: 'Bewahre diese E-Mail für deine Unterlagen auf. Alle Zahlungen des Projekts findest du auch auf seiner Abrechnungsseite.',
  },
};

export function renderPaymentReceipt(model: PaymentReceiptModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  const project = singleLine(model.projectName, 100);
  const receipt = singleLine(model.receiptNumber, 40);
  const plan = planName(model.plan);
  return composeEmail({
    subject: t.subject(receipt, project),
    greeting: t.greeting(singleLine(model.displayName)),
    paragraphs: [t.thanks(project, plan)],
    details: [
      [t.receipt, receipt],
      [t.amount, formatMoney(model.amount, model.currency, model.locale)],
      [t.plan, plan],
      [t.project, project],
      [t.date, formatUtc(model.succeededAt, locale)],
    ],
    action: { label: t.action, href: model.link },
    notes: [t.keep],
    unsubscribe: unsubscribeFooter('billing', locale, model.unsubscribeLink),
  });
}
