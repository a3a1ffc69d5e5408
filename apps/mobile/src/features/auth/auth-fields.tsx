import type { ComponentProps } from 'react';

import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/i18n';
import type { FormSubmit } from './use-form-submit';

/** A field of an auth form: it shows the form's problem with it and is locked while the form submits. */
type AuthFieldProps = Omit<ComponentProps<typeof TextField>, 'label' | 'error' | 'editable'> & { form: FormSubmit };

export function EmailField({ form, ...inputProps }: AuthFieldProps) {
  const t = useT();
  return (
    <TextField
      label={t('field.email')}
      error={form.fieldErrors.email}
      editable={!form.pending}
      autoCapitalize="none"
      autoComplete="email"
      keyboardType="email-address"
      {...inputProps}
    />
  );
}

/** `purpose` tells password managers whether to fill the saved password or to suggest a new one. */
export function PasswordField({ form, purpose, ...inputProps }: AuthFieldProps & { purpose: 'current' | 'new' }) {
  const t = useT();
  return (
    <TextField
      label={t('field.password')}
      error={form.fieldErrors.password}
      editable={!form.pending}
      secureTextEntry
      autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
      textContentType={purpose === 'new' ? 'newPassword' : 'password'}
      {...inputProps}
    />
  );
}
