import { paymentFailedText, paymentSucceededText } from '../notifications/notification-texts.js';
import { webLink } from '../templates/email-template.js';
import { PAYMENT_FAILED_TEMPLATE, renderPaymentFailed } from '../templates/payment-failed.template.js';
import { PAYMENT_RECEIPT_TEMPLATE, renderPaymentReceipt } from '../templates/payment-receipt.template.js';
import { WEB_PATHS } from '../web-paths.js';
import type { EventHandlers } from './event-outcome.js';

type BillingEvent = 'payment.succeeded.v1' | 'payment.failed.v1';

const DEFAULT_LOCALE = 'en';

/**
 * Billing emails go to the payer and follow their `billing` switch: a receipt is not a security
 * notice, and whoever turns billing emails off still finds every payment in the app (the in-app
 * notification below, and the project's payments list).
 */
export const billingEventHandlers: EventHandlers<BillingEvent> = {
  'payment.succeeded.v1': async ({ data }, { tx, recipients, webUrl }) => {
    const payer = await recipients.findById(data.payerId, tx);
    const locale = payer?.locale ?? DEFAULT_LOCALE;
    const path = WEB_PATHS.billing(data.projectId);
    return {
      ...(payer && {
        email: {
          template: PAYMENT_RECEIPT_TEMPLATE,
          toAddress: payer.email,
          userId: payer.userId,
          locale,
          render: ({ unsubscribe }) =>
            renderPaymentReceipt({
              displayName: payer.displayName,
              locale,
              projectName: data.projectName,
              plan: data.plan,
              amount: data.amount,
              currency: data.currency,
              receiptNumber: data.receiptNumber,
              succeededAt: data.succeededAt,
              link: webLink(webUrl, path),
              unsubscribeLink: unsubscribe,
            }),
        },
      }),
      notification: { userId: data.payerId, type: 'payment.succeeded', ...paymentSucceededText(locale, data), link: path },
    };
  },

  'payment.failed.v1': async ({ data }, { tx, recipients, webUrl }) => {
    const payer = await recipients.findById(data.payerId, tx);
    const locale = payer?.locale ?? DEFAULT_LOCALE;
    const path = WEB_PATHS.billing(data.projectId);
    return {
      ...(payer && {
        email: {
          template: PAYMENT_FAILED_TEMPLATE,
          toAddress: payer.email,
          userId: payer.userId,
          locale,
          render: ({ unsubscribe }) =>
            renderPaymentFailed({
              displayName: payer.displayName,
              locale,
              projectName: data.projectName,
              plan: data.plan,
              amount: data.amount,
              currency: data.currency,
              reason: data.reason,
              link: webLink(webUrl, path),
              unsubscribeLink: unsubscribe,
            }),
        },
      }),
      notification: { userId: data.payerId, type: 'payment.failed', ...paymentFailedText(locale, data), link: path },
    };
  },
};
