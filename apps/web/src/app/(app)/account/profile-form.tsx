'use client';

import { useActionState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { SubmitButton } from '../../../components/submit-button';
import ui from '../../../components/ui.module.css';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import type { Messages } from '../../../i18n/messages';
import { saveProfile, type ProfileState } from './actions';

interface ProfileFormProps {
  readonly profile: {
    readonly displayName: string;
    readonly email: string;
    readonly avatarUrl: string;
    readonly locale: string;
    readonly timezone: string;
  };
  readonly timeZones: readonly string[];
  readonly m: Messages['account']['profile'];
  readonly saveLabel: string;
}

export function ProfileForm({ profile, timeZones, m, saveLabel }: ProfileFormProps) {
  const [state, formAction] = useActionState(saveProfile, {
    saved: false,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies ProfileState);
  const formRef = useFocusOnError(state);
  const value = (field: 'displayName' | 'avatarUrl' | 'locale' | 'timezone') => state.values[field] ?? profile[field];
  return (
    <form ref={formRef} action={formAction} className={ui.form}>
      <FormAlert message={state.formError} />
      <Field
        name="displayName"
        label={m.displayName}
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={value('displayName')}
        error={state.fieldErrors.displayName}
      />
      <Field name="email" label={m.email} type="email" value={profile.email} readOnly hint={m.emailHint} />
      <Field
        name="avatarUrl"
        label={m.avatarUrl}
        type="url"
        inputMode="url"
        hint={m.avatarHint}
        maxLength={2048}
        defaultValue={value('avatarUrl')}
        error={state.fieldErrors.avatarUrl}
      />
      <div className={ui.formRow}>
        <SelectField
          key={`locale-${value('locale')}`}
          name="locale"
          label={m.locale}
          defaultValue={value('locale')}
          options={[
            { value: 'en', label: m.languages.en },
            { value: 'de', label: m.languages.de },
          ]}
          error={state.fieldErrors.locale}
        />
        <SelectField
          key={`timezone-${value('timezone')}`}
          name="timezone"
          label={m.timezone}
          defaultValue={value('timezone')}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
          error={state.fieldErrors.timezone}
        />
      </div>
      <div className={ui.actions}>
        <SubmitButton inline>{saveLabel}</SubmitButton>
        <span role="status" className={ui.muted}>
          {state.saved ? m.saved : ''}
        </span>
      </div>
    </form>
  );
}
