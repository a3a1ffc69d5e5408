'use server';

import { refresh } from 'next/cache';
import { getI18n } from '../../../../i18n/server';
import type { ActionState } from '../../../../lib/action-state';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi } from '../../../../lib/api/admin';
import { redirectIfSignedOut } from '../../../../lib/caller';
import { generalMessage, textField } from '../../../../lib/form-state';
import { newIdempotencyKey } from '../../../../lib/idempotency';

export async function resendEmail(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const caller = await requireAdmin();
  const { m } = await getI18n();
  const result = await adminApi.resendEmail(
    caller,
    textField(formData, 'deliveryId'),
    textField(formData, 'idempotencyKey') || newIdempotencyKey(),
  );
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { error: generalMessage(result.problem, m.common), done: null };
  }
  refresh();
  return { error: null, done: m.admin.resent };
}
