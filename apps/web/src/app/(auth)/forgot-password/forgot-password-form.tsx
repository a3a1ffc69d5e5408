'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import type { Messages } from '../../../i18n/messages';
import { initialFormState } from '../../../lib/form-state';
import styles from '../auth.module.css';
import { DevInboxNotice } from '../dev-inbox-notice';
import { requestPasswordReset, type ForgotPasswordField, type ForgotPasswordState } from './actions';

const initialState: ForgotPasswordState = { sent: false, ...initialFormState<ForgotPasswordField>() };

interface ForgotPasswordFormProps {
  readonly devInboxUrl: string | null;
  readonly m: Messages['auth'];
}

/** Asks for a reset link; the confirmation is the same whether or not the address has an account. */
export function ForgotPasswordForm({ devInboxUrl, m }: ForgotPasswordFormProps) {
  const [state, formAction] = useActionState(requestPasswordReset, initialState);
  const formRef = useFocusOnError(state);
  const t = m.forgot;

  if (state.sent) {
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>{t.sentTitle}</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            {t.sent}
          </p>
          <p className={styles.lead}>{t.sentLead}</p>
          <DevInboxNotice url={devInboxUrl} m={m} />
          <Link href="/signin" className={styles.action}>
            {t.back}
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{t.title}</h1>
        <p className={styles.lead}>{t.lead}</p>
      </div>
      <form ref={formRef} action={formAction} className={styles.form}>
        <FormAlert message={state.formError} />
        <Field
          name="email"
          label={m.email}
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.values.email}
          error={state.fieldErrors.email}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </form>
      <p className={styles.footer}>
        {t.remembered} <Link href="/signin">{t.signIn}</Link>
      </p>
    </>
  );
}
