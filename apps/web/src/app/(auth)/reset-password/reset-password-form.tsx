'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import { initialFormState } from '../../../lib/form-state';
import styles from '../auth.module.css';
import { resetPassword, type ResetPasswordField, type ResetPasswordState } from './actions';
import { InvalidResetLink } from './invalid-link';

const initialState: ResetPasswordState = { step: 'form', ...initialFormState<ResetPasswordField>() };

/** Sets a new password with the token from the reset email; the token travels back as a hidden field. */
export function ResetPasswordForm({ token }: { readonly token: string }) {
  const [state, formAction] = useActionState(resetPassword, initialState);
  const formRef = useFocusOnError(state);

  if (state.step === 'invalid-link') return <InvalidResetLink />;

  if (state.step === 'done') {
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Password changed</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            Your new password is set.
          </p>
          <p className={styles.lead}>For your security, you have been signed out everywhere. Sign in again with your new password.</p>
          <Link href="/signin" className={styles.action}>
            Go to sign in
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Choose a new password</h1>
        <p className={styles.lead}>Once it is set, you will be signed out on every device and can sign in with the new password.</p>
      </div>
      <form ref={formRef} action={formAction} className={styles.form}>
        <input type="hidden" name="token" value={token} />
        <FormAlert message={state.formError} />
        <Field
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          error={state.fieldErrors.newPassword}
        />
        <SubmitButton>Set new password</SubmitButton>
      </form>
    </>
  );
}
