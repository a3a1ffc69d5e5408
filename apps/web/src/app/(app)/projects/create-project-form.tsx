'use client';

import { useActionState, useState } from 'react';
import { Field } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { TextareaField } from '../../../components/textarea-field';
import ui from '../../../components/ui.module.css';
import { useFocusOnError } from '../../../components/use-focus-on-error';
import type { Messages } from '../../../i18n/messages';
import { createProject, type CreateProjectState } from './actions';

/** A key suggested from the name ("Web platform" → "WEB") until the user types their own. */
function suggestKey(name: string): string {
  const letters = name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const start = letters.search(/[A-Z]/);
  return start < 0 ? '' : letters.slice(start, start + 4);
}

interface CreateProjectFormProps {
  readonly idempotencyKey: string;
  readonly m: Messages['workspace']['projects'];
}

export function CreateProjectForm({ idempotencyKey, m }: CreateProjectFormProps) {
  const [state, formAction] = useActionState(createProject, {
    idempotencyKey,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies CreateProjectState);
  const formRef = useFocusOnError(state);
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const shownKey = key ?? state.values.key ?? suggestKey(name);

  return (
    <form ref={formRef} action={formAction} className={ui.form} aria-labelledby="new-project-title">
      <h2 id="new-project-title" className={ui.panelTitle}>
        {m.newProject}
      </h2>
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <FormAlert message={state.formError} />
      <div className={ui.formRow}>
        <Field
          name="name"
          label={m.name}
          required
          maxLength={100}
          defaultValue={state.values.name}
          onChange={(event) => setName(event.target.value)}
          error={state.fieldErrors.name}
        />
        <Field
          name="key"
          label={m.key}
          required
          maxLength={10}
          autoCapitalize="characters"
          spellCheck={false}
          value={shownKey}
          onChange={(event) => setKey(event.target.value.toUpperCase())}
          hint={m.keyHint}
          error={state.fieldErrors.key}
        />
      </div>
      <TextareaField
        name="description"
        label={`${m.description} (${m.optional})`}
        rows={2}
        maxLength={2000}
        defaultValue={state.values.description}
        error={state.fieldErrors.description}
      />
      <div>
        <SubmitButton inline>{m.create}</SubmitButton>
      </div>
    </form>
  );
}
