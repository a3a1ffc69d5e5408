'use server';

import { headers } from 'next/headers';
import { generalMessage, textField } from '../../../lib/form-state';
import { clientContextFrom, gateway, type Unsubscribed } from '../../../lib/gateway';
import { getI18n } from '../../../i18n/server';

// Server Actions only run on same-origin POSTs (Next.js compares Origin with Host), and opening the
// link changes nothing by itself: link scanners and prefetches that follow it cannot unsubscribe anyone.
// Mail clients unsubscribe in one click through the gateway directly (RFC 8058), not through this page.

export type UnsubscribeState =
  | { readonly status: 'ready'; readonly error: string | null }
  | { readonly status: 'unsubscribed'; readonly result: Unsubscribed }
  | { readonly status: 'invalid' };

/** Statuses meaning the link itself cannot be used, rather than a passing failure. */
const INVALID_LINK = new Set([400, 404, 410, 422]);

export async function unsubscribe(_previous: UnsubscribeState, formData: FormData): Promise<UnsubscribeState> {
  const token = textField(formData, 'token');
  if (token === '') return { status: 'invalid' };

  const result = await gateway.unsubscribe(token, clientContextFrom(await headers()));
  if (result.ok) return { status: 'unsubscribed', result: result.data };
  if (INVALID_LINK.has(result.problem.status)) return { status: 'invalid' };
  const { m } = await getI18n();
  return { status: 'ready', error: `${m.auth.unsubscribe.failed} ${generalMessage(result.problem, m.common)}` };
}
