'use client';

import { useActionState } from 'react';
import { Field } from '../../../../components/field';
import { FormAlert } from '../../../../components/form-alert';
import { SubmitButton } from '../../../../components/submit-button';
import ui from '../../../../components/ui.module.css';
import { useFocusOnError } from '../../../../components/use-focus-on-error';
import type { Messages } from '../../../../i18n/messages';
import { changePassword, type PasswordState } from './actions';

export function PasswordForm({ m }: { readonly m: Messages['account']['security'] }) {
  const [state, formAction] = useActionState(changePassword, {
    changed: false,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies PasswordState);
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={formAction} className={ui.form}>
      <FormAlert message={state.formError} />
      <input type="text" name="username" autoComplete="username" hidden readOnly />
      <Field
        name="currentPassword"
        type="password"
        label={m.currentPassword}
        autoComplete="current-password"
        required
        error={state.fieldErrors.currentPassword}
      />
      <Field
        name="newPassword"
        type="password"
        label={m.newPassword}
        autoComplete="new-password"
        required
        error={state.fieldErrors.newPassword}
      />
      <div className={ui.actions}>
        <SubmitButton inline>{m.change}</SubmitButton>
        <span role="status" className={ui.muted}>
          {state.changed ? m.changed : ''}
        </span>
      </div>
    </form>
  );
}
