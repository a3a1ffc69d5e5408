'use client';

import { useActionState } from 'react';
import { SubmitButton } from '../../../../components/submit-button';
import ui from '../../../../components/ui.module.css';
import { fill } from '../../../../i18n/format';
import type { Messages } from '../../../../i18n/messages';
import { idleAction } from '../../../../lib/action-state';
import styles from '../admin.module.css';
import { refundPayment } from './actions';

interface RefundFormProps {
  readonly paymentId: string;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly m: Messages['admin'];
}

/** Refunds a payment, in full (empty amount) or in part; the key makes a repeated click one refund. */
export function RefundForm({ paymentId, currency, idempotencyKey, m }: RefundFormProps) {
  const [state, formAction] = useActionState(refundPayment, idleAction);
  const id = `refund-${paymentId}`;
  return (
    <form action={formAction} className={styles.refund}>
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <label htmlFor={id} className="visually-hidden">
        {fill(m.refundAmount, { currency: currency.toUpperCase() })}
      </label>
      <input
        id={id}
        name="amount"
        inputMode="decimal"
        placeholder={currency.toUpperCase()}
        title={m.refundHint}
        className={styles.refundInput}
      />
      <SubmitButton variant="secondary" inline small ariaLabel={fill(m.refundOf, { id: paymentId })}>
        {m.refund}
      </SubmitButton>
      {state.error && <span className={ui.inlineError}>{state.error}</span>}
      <span role="status" className={state.done ? ui.muted : 'visually-hidden'}>
        {state.done}
      </span>
    </form>
  );
}
