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
import { resetPassword, type ResetPasswordField, type ResetPasswordState } from './actions';
import { InvalidResetLink } from './invalid-link';

const initialState: ResetPasswordState = { step: 'form', ...initialFormState<ResetPasswordField>() };

/** Sets a new password with the token from the reset email; the token travels back as a hidden field. */
export function ResetPasswordForm({ token, m }: { readonly token: string; readonly m: Messages['auth'] }) {
  const [state, formAction] = useActionState(resetPassword, initialState);
  const formRef = useFocusOnError(state);
  const t = m.reset;

  if (state.step === 'invalid-link') return <InvalidResetLink m={m} />;

  if (state.step === 'done') {
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>{t.doneTitle}</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            {t.done}
          </p>
          <p className={styles.lead}>{t.doneLead}</p>
          <Link href="/signin" className={styles.action}>
            {t.goSignIn}
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
        <input type="hidden" name="token" value={token} />
        <FormAlert message={state.formError} />
        <Field
          name="newPassword"
          label={t.newPassword}
          type="password"
          autoComplete="new-password"
          required
          error={state.fieldErrors.newPassword}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </form>
    </>
  );
}
