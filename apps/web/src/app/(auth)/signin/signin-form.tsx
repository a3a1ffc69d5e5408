'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import { fill } from '../../../i18n/format';
import type { Messages } from '../../../i18n/messages';
import { initialFormState } from '../../../lib/form-state';
import styles from '../auth.module.css';
import { signIn, type SigninField, type SigninState } from './actions';

const initialState: SigninState = { step: 'credentials', ...initialFormState<SigninField>() };

interface SigninFormProps {
  readonly next: string;
  readonly restartHref: string;
  readonly m: Messages['auth'];
}

/** Email and password first; when the account has two-factor authentication, a code step follows. */
export function SigninForm({ next, restartHref, m }: SigninFormProps) {
  const [state, formAction] = useActionState(signIn, initialState);
  const formRef = useFocusOnError(state);

  if (state.step === 'mfa') {
    return (
      <form ref={formRef} action={formAction} className={styles.form}>
        <input type="hidden" name="step" value="mfa" />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="email" value={state.values.email ?? ''} />
        <p className={styles.notice}>{fill(m.signin.mfaNotice, { email: state.values.email || m.signin.thisAccount })}</p>
        <FormAlert message={state.formError} />
        <Field
          name="code"
          label={m.signin.code}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
          error={state.fieldErrors.code}
        />
        <SubmitButton>{m.signin.verify}</SubmitButton>
        <p className={styles.lead}>
          {m.signin.notYou} <a href={restartHref}>{m.signin.startOver}</a>
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
        label={m.email}
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <Field
        name="password"
        label={m.password}
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors.password}
      />
      <p className={styles.fieldAside}>
        <Link href="/forgot-password">{m.signin.forgot}</Link>
      </p>
      <SubmitButton>{m.signin.submit}</SubmitButton>
    </form>
  );
}
