'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import { initialFormState } from '../../../lib/form-state';
import styles from '../auth.module.css';
import { signIn, type SigninField, type SigninState } from './actions';

const initialState: SigninState = { step: 'credentials', ...initialFormState<SigninField>() };

/** Email and password first; when the account has two-factor authentication, a code step follows. */
export function SigninForm({ next, restartHref }: { readonly next: string; readonly restartHref: string }) {
  const [state, formAction] = useActionState(signIn, initialState);
  const formRef = useFocusOnError(state);

  if (state.step === 'mfa') {
    return (
      <form ref={formRef} action={formAction} className={styles.form}>
        <input type="hidden" name="step" value="mfa" />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="email" value={state.values.email ?? ''} />
        <p className={styles.notice}>
          Two-factor authentication is on for {state.values.email || 'this account'}. Enter the 6-digit code from your authenticator app, or
          one of your recovery codes.
        </p>
        <FormAlert message={state.formError} />
        <Field
          name="code"
          label="Authentication code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
          error={state.fieldErrors.code}
        />
        <SubmitButton>Verify and sign in</SubmitButton>
        <p className={styles.lead}>
          Not you? <a href={restartHref}>Start over</a>
        </p>
      </form>
    );
  }

  return (
    <form ref={formRef} action={formAction} className={styles.form}>
      <input type="hidden" name="step" value="credentials" />
      <input type="hidden" name="next" value={next} />
      <FormAlert message={state.formError} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={state.fieldErrors.password} />
      <p className={styles.fieldAside}>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
