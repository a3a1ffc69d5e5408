'use client';

import { useActionState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import type { Messages } from '../../../i18n/messages';
import { initialFormState } from '../../../lib/form-state';
import styles from '../auth.module.css';
import { signUp, type SignupField } from './actions';

export function SignupForm({ next, m }: { readonly next: string; readonly m: Messages['auth'] }) {
  const [state, formAction] = useActionState(signUp, initialFormState<SignupField>());
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={formAction} className={styles.form}>
      <input type="hidden" name="next" value={next} />
      <FormAlert message={state.formError} />
      <Field
        name="displayName"
        label={m.displayName}
        autoComplete="name"
        required
        defaultValue={state.values.displayName}
        error={state.fieldErrors.displayName}
      />
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
      <Field name="password" label={m.password} type="password" autoComplete="new-password" required error={state.fieldErrors.password} />
      <SubmitButton>{m.signup.submit}</SubmitButton>
    </form>
  );
}
