'use client';

import { useActionState } from 'react';
import { Field } from '../../../../components/field';
import fieldStyles from '../../../../components/field.module.css';
import { FormAlert } from '../../../../components/form-alert';
import { SubmitButton } from '../../../../components/submit-button';
import ui from '../../../../components/ui.module.css';
import { useFocusOnError } from '../../../../components/use-focus-on-error';
import type { Messages } from '../../../../i18n/messages';
import { initialFormState } from '../../../../lib/form-state';
import { deleteAccount } from './actions';

export function DeleteAccountForm({ m }: { readonly m: Messages['account']['data'] }) {
  const [state, formAction] = useActionState(deleteAccount, initialFormState<'password' | 'confirm'>());
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={formAction} className={ui.form}>
      <FormAlert message={state.formError} />
      <input type="text" name="username" autoComplete="username" hidden readOnly />
      <Field
        name="password"
        idPrefix="delete-account"
        type="password"
        label={m.password}
        autoComplete="current-password"
        required
        error={state.fieldErrors.password}
      />
      <div>
        <label className={ui.checkbox}>
          <input
            type="checkbox"
            name="confirm"
            aria-invalid={state.fieldErrors.confirm ? true : undefined}
            aria-describedby={state.fieldErrors.confirm ? 'delete-confirm-error' : undefined}
          />
          <span>{m.confirm}</span>
        </label>
        {state.fieldErrors.confirm && (
          <p id="delete-confirm-error" className={fieldStyles.error}>
            {state.fieldErrors.confirm}
          </p>
        )}
      </div>
      <div>
        <SubmitButton variant="danger" inline>
          {m.delete}
        </SubmitButton>
      </div>
    </form>
  );
}
