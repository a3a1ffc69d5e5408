'use client';

import { useActionState } from 'react';
import { buttonClass } from '../../../../../components/button-class';
import { FormAlert } from '../../../../../components/form-alert';
import { SelectField } from '../../../../../components/select-field';
import { SubmitButton } from '../../../../../components/submit-button';
import ui from '../../../../../components/ui.module.css';
import { fill } from '../../../../../i18n/format';
import type { Messages } from '../../../../../i18n/messages';
import { checkoutStep, type CheckoutState } from './actions';
import styles from './billing.module.css';

export interface PlanCard {
  readonly id: string;
  readonly name: string;
  readonly price: string;
  readonly amount: number;
  readonly currency: string;
  readonly limits: readonly string[];
  readonly current: boolean;
  /** Upgrades only: a plan that costs more than the current one. */
  readonly upgrade: boolean;
}

interface CheckoutProps {
  readonly projectId: string;
  readonly projectName: string;
  readonly plans: readonly PlanCard[];
  readonly canManage: boolean;
  readonly idempotencyKey: string;
  readonly m: Messages['billing'];
}

/** The plans, and the two steps of an upgrade: choose a plan, then pay with a sandbox test card. */
export function Checkout({ projectId, projectName, plans, canManage, idempotencyKey, m }: CheckoutProps) {
  const [state, formAction] = useActionState(checkoutStep, {
    step: 'plans',
    idempotencyKey,
    error: null,
  } satisfies CheckoutState as CheckoutState);
  const common = (
    <>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="projectName" value={projectName} />
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
    </>
  );

  if (state.step === 'confirm') {
    return (
      <form action={formAction} className={`${ui.form} ${styles.confirm}`}>
        {common}
        <h3 className={ui.panelTitle}>{m.checkoutTitle}</h3>
        <p>{fill(m.checkoutLead, { project: projectName, plan: state.planName, amount: state.amount })}</p>
        <FormAlert message={state.error} />
        <SelectField
          name="paymentMethod"
          label={m.testCard}
          hint={m.testCardHint}
          defaultValue="pm_card_visa"
          options={['pm_card_visa', 'pm_card_chargeDeclined'].map((card) => ({ value: card, label: `${m.cards[card] ?? card} (${card})` }))}
        />
        <div className={ui.actions}>
          <SubmitButton inline intent="pay">
            {fill(m.pay, { amount: state.amount })}
          </SubmitButton>
          <SubmitButton variant="quiet" inline intent="cancel">
            {m.cancel}
          </SubmitButton>
        </div>
      </form>
    );
  }

  return (
    <div className={ui.stack}>
      {state.step === 'result' && (
        <form action={formAction} className={ui.actions}>
          {common}
          <p
            role="status"
            className={state.tone === 'success' ? ui.success : state.tone === 'error' ? ui.error : ui.notice}
            data-testid="checkout-result"
          >
            {state.message}
          </p>
          {state.tone !== 'success' && (
            <button type="submit" name="intent" value="again" className={buttonClass({ variant: 'secondary', inline: true, small: true })}>
              {m.cancel}
            </button>
          )}
        </form>
      )}
      {state.step === 'plans' && <FormAlert message={state.error} />}
      <ul className={styles.plans}>
        {plans.map((plan) => (
          <li key={plan.id} className={plan.current ? `${styles.plan} ${styles.currentPlan}` : styles.plan}>
            <h3 className={styles.planName}>{plan.name}</h3>
            <p className={styles.price}>{plan.price}</p>
            <ul className={styles.limits}>
              {plan.limits.map((limit) => (
                <li key={limit}>{limit}</li>
              ))}
            </ul>
            {plan.current ? (
              <p className={styles.currentLabel}>{m.current}</p>
            ) : (
              canManage &&
              plan.upgrade &&
              state.step !== 'result' && (
                <form action={formAction}>
                  {common}
                  <input type="hidden" name="planId" value={plan.id} />
                  <input type="hidden" name="planName" value={plan.name} />
                  <input type="hidden" name="amount" value={plan.amount} />
                  <input type="hidden" name="currency" value={plan.currency} />
                  <SubmitButton intent="checkout">{fill(m.upgrade, { plan: plan.name })}</SubmitButton>
                </form>
              )
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
