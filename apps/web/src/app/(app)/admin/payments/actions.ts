'use server';

import { refresh } from 'next/cache';
import { getI18n } from '../../../../i18n/server';
import type { ActionState } from '../../../../lib/action-state';
import { requireAdmin } from '../../../../lib/admin-guard';
import { billingApi } from '../../../../lib/api/billing';
import { redirectIfSignedOut } from '../../../../lib/caller';
import { generalMessage, textField } from '../../../../lib/form-state';
import { newIdempotencyKey } from '../../../../lib/idempotency';

/** "9.50" or "9,50" in the currency's major unit → 950 minor units; null when it is not an amount. */
function minorUnits(raw: string): number | null {
  const match = raw
    .trim()
    .replace(',', '.')
    .match(/^(\d+)(?:\.(\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export async function refundPayment(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const caller = await requireAdmin();
  const { m } = await getI18n();
  const raw = textField(formData, 'amount');
  const amount = raw.trim() === '' ? undefined : minorUnits(raw);
  if (amount === null || amount === 0) return { error: m.admin.refundAmountFormat, done: null };
  const key = textField(formData, 'idempotencyKey') || newIdempotencyKey();
  const result = await billingApi.refund(caller, textField(formData, 'paymentId'), amount, key);
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { error: generalMessage(result.problem, m.common), done: null };
  }
  refresh();
  return { error: null, done: m.admin.refunded };
}
