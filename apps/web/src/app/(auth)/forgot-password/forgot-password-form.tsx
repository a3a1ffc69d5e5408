'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import { initialFormState } from '../../../lib/form-state';
import styles from '../auth.module.css';
import { requestPasswordReset, type ForgotPasswordField, type ForgotPasswordState } from './actions';

const initialState: ForgotPasswordState = { sent: false, ...initialFormState<ForgotPasswordField>() };

/** Asks for a reset link; the confirmation is the same whether or not the address has an account. */
export function ForgotPasswordForm({ devInboxUrl }: { readonly devInboxUrl: string | null }) {
  const [state, formAction] = useActionState(requestPasswordReset, initialState);
  const formRef = useFocusOnError(state);

  if (state.sent) {
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Check your email</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            If an account exists for that address, we&apos;ve sent a link to reset its password.
          </p>
          <p className={styles.lead}>
            The link works once and only for a limited time. If no email arrives within a few minutes, look in your spam or junk folder, or
            check that you used the address you signed up with.
          </p>
          {devInboxUrl && (
            <p className={styles.notice}>
              Development: outgoing mail is captured by the{' '}
              <a href={devInboxUrl} target="_blank" rel="noreferrer">
                development inbox
              </a>
              .
            </p>
          )}
          <Link href="/signin" className={styles.action}>
            Back to sign in
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Forgot your password?</h1>
        <p className={styles.lead}>Enter the email address you signed up with and we&apos;ll send you a link to choose a new password.</p>
      </div>
      <form ref={formRef} action={formAction} className={styles.form}>
        <FormAlert message={state.formError} />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.values.email}
          error={state.fieldErrors.email}
        />
        <SubmitButton>Send reset link</SubmitButton>
      </form>
      <p className={styles.footer}>
        Remembered your password? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
