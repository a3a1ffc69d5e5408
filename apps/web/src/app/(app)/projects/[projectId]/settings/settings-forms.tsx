'use client';

import { useActionState } from 'react';
import { Field } from '../../../../../components/field';
import { FormAlert } from '../../../../../components/form-alert';
import { SubmitButton } from '../../../../../components/submit-button';
import { TextareaField } from '../../../../../components/textarea-field';
import ui from '../../../../../components/ui.module.css';
import { useFocusOnError } from '../../../../../components/use-focus-on-error';
import { fill } from '../../../../../i18n/format';
import type { Messages } from '../../../../../i18n/messages';
import { deleteProject, saveProject, type DeleteProjectState, type ProjectSettingsState } from './actions';

interface GeneralFormProps {
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly disabled: boolean;
  readonly m: Messages['workspace'];
  readonly saveLabel: string;
}

export function GeneralForm({ projectId, name, description, disabled, m, saveLabel }: GeneralFormProps) {
  const [state, formAction] = useActionState(saveProject, {
    saved: false,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies ProjectSettingsState);
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={formAction} className={ui.form}>
      <input type="hidden" name="projectId" value={projectId} />
      <FormAlert message={state.formError} />
      <Field
        name="name"
        label={m.projects.name}
        required
        maxLength={100}
        disabled={disabled}
        defaultValue={state.values.name ?? name}
        error={state.fieldErrors.name}
      />
      <TextareaField
        name="description"
        label={m.projects.description}
        rows={3}
        maxLength={2000}
        disabled={disabled}
        defaultValue={state.values.description ?? description}
        error={state.fieldErrors.description}
      />
      {!disabled && (
        <div className={ui.actions}>
          <SubmitButton inline>{saveLabel}</SubmitButton>
          <span role="status" className={ui.muted}>
            {state.saved ? m.settings.saved : ''}
          </span>
        </div>
      )}
    </form>
  );
}

export function DeleteProjectForm({
  projectId,
  projectKey,
  m,
}: {
  readonly projectId: string;
  readonly projectKey: string;
  readonly m: Messages['workspace'];
}) {
  const [state, formAction] = useActionState(deleteProject, { error: null } satisfies DeleteProjectState);
  return (
    <form action={formAction} className={ui.form}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="key" value={projectKey} />
      <Field
        name="confirmation"
        idPrefix="delete"
        label={fill(m.settings.deleteConfirmLabel, { key: projectKey })}
        autoComplete="off"
        spellCheck={false}
        error={state.error ?? undefined}
      />
      <div>
        <SubmitButton variant="danger" inline>
          {m.settings.delete}
        </SubmitButton>
      </div>
    </form>
  );
}
