'use server';

import { refresh } from 'next/cache';
import { fill, formatMoney } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { billingApi, isPaidPlan } from '../../../../../lib/api/billing';
import { redirectIfSignedOut, requireCaller } from '../../../../../lib/caller';
import { generalMessage, textField } from '../../../../../lib/form-state';
import { keyAfter, newIdempotencyKey } from '../../../../../lib/idempotency';

/** The sandbox's test cards the UI offers (dev/payment-sandbox); real cards never reach this app. */
const TEST_CARDS = ['pm_card_visa', 'pm_card_chargeDeclined'] as const;

export type CheckoutState =
  | { readonly step: 'plans'; readonly idempotencyKey: string; readonly error: string | null }
  | {
      readonly step: 'confirm';
      readonly idempotencyKey: string;
      readonly paymentId: string;
      readonly planName: string;
      readonly amount: string;
      readonly error: string | null;
    }
  | { readonly step: 'result'; readonly idempotencyKey: string; readonly tone: 'success' | 'error' | 'pending'; readonly message: string };

/**
 * Upgrading is two calls: checkout creates the payment (with an Idempotency-Key, so a retried click
 * cannot create two), then confirm pays it with the chosen test card.
 */
export async function checkoutStep(previous: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const { m, intlLocale } = await getI18n();
  const t = m.billing;
  const caller = await requireCaller();
  const intent = textField(formData, 'intent');
  const projectId = textField(formData, 'projectId');
  const projectName = textField(formData, 'projectName');

  if (intent === 'cancel' || intent === 'again') return { step: 'plans', idempotencyKey: newIdempotencyKey(), error: null };

  if (intent === 'pay' && previous.step === 'confirm') {
    const card = textField(formData, 'paymentMethod');
    const method = (TEST_CARDS as readonly string[]).includes(card) ? card : TEST_CARDS[0];
    const result = await billingApi.confirm(caller, previous.paymentId, method);
    if (!result.ok) {
      redirectIfSignedOut(result.problem);
      // A declined card can come back as an error answer rather than a failed payment.
      if (result.problem.status === 402 || result.problem.status === 422) {
        return {
          step: 'result',
          idempotencyKey: newIdempotencyKey(),
          tone: 'error',
          message: fill(t.failed, { reason: result.problem.detail }),
        };
      }
      return { ...previous, error: generalMessage(result.problem, m.common) };
    }
    refresh();
    const payment = result.data;
    if (payment.status === 'succeeded') {
      return {
        step: 'result',
        idempotencyKey: newIdempotencyKey(),
        tone: 'success',
        message: fill(t.succeeded, { project: projectName, plan: previous.planName }),
      };
    }
    if (payment.status === 'failed') {
      const message = payment.failureReason ? fill(t.failed, { reason: payment.failureReason }) : t.failedNoReason;
      return { step: 'result', idempotencyKey: newIdempotencyKey(), tone: 'error', message };
    }
    return { step: 'result', idempotencyKey: newIdempotencyKey(), tone: 'pending', message: t.processing };
  }

  const planId = textField(formData, 'planId');
  const key = textField(formData, 'idempotencyKey') || previous.idempotencyKey;
  if (!isPaidPlan(planId)) return { step: 'plans', idempotencyKey: key, error: m.common.notFound };
  const result = await billingApi.checkout(caller, projectId, planId, key);
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { step: 'plans', idempotencyKey: keyAfter(result, key), error: generalMessage(result.problem, m.common) };
  }
  return {
    step: 'confirm',
    idempotencyKey: key,
    paymentId: result.data.paymentId,
    planName: textField(formData, 'planName'),
    amount: formatMoney(Number(textField(formData, 'amount')), textField(formData, 'currency'), intlLocale),
    error: null,
  };
}
