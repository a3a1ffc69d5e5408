'use client';

import { useActionState } from 'react';
import { FormAlert } from '../../../../components/form-alert';
import { SubmitButton } from '../../../../components/submit-button';
import ui from '../../../../components/ui.module.css';
import { savePreferences, type PreferencesState } from '../actions';

interface PreferencesFormProps {
  readonly categories: ReadonlyArray<{ readonly name: string; readonly label: string; readonly hint: string; readonly enabled: boolean }>;
  readonly saveLabel: string;
  readonly savedLabel: string;
}

export function PreferencesForm({ categories, saveLabel, savedLabel }: PreferencesFormProps) {
  const [state, formAction] = useActionState(savePreferences, { error: null, saved: false } satisfies PreferencesState);
  return (
    <form action={formAction} className={ui.form}>
      <input type="hidden" name="categories" value={categories.map((category) => category.name).join(',')} />
      <FormAlert message={state.error} />
      {categories.map((category) => (
        <label key={category.name} className={ui.checkbox}>
          <input type="checkbox" name={`email.${category.name}`} defaultChecked={category.enabled} />
          <span>
            {category.label}
            <span className={ui.checkboxHint}>{category.hint}</span>
          </span>
        </label>
      ))}
      <div className={ui.actions}>
        <SubmitButton inline>{saveLabel}</SubmitButton>
        <span role="status" className={ui.muted}>
          {state.saved ? savedLabel : ''}
        </span>
      </div>
    </form>
  );
}
