'use client';

import { useActionState } from 'react';
import { Field } from '../../../../../components/field';
import { FormAlert } from '../../../../../components/form-alert';
import { SelectField } from '../../../../../components/select-field';
import { SubmitButton } from '../../../../../components/submit-button';
import { useFocusOnError } from '../../../../../components/use-focus-on-error';
import type { Messages } from '../../../../../i18n/messages';
import { TASK_STATUSES } from '../../../../../lib/api/task-statuses';
import { createTask, type NewTaskState } from '../task-actions';
import styles from './new-task-form.module.css';

interface NewTaskFormProps {
  readonly projectId: string;
  readonly idempotencyKey: string;
  readonly m: Messages['workspace'];
}

/** Adds a task to a column of the board; the board refreshes with it. */
export function NewTaskForm({ projectId, idempotencyKey, m }: NewTaskFormProps) {
  const [state, formAction] = useActionState(createTask, {
    idempotencyKey,
    created: null,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies NewTaskState);
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={formAction} className={styles.form}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <div className={styles.title}>
        <Field
          name="title"
          idPrefix="new-task"
          label={m.tasks.newTask}
          placeholder={m.tasks.title}
          maxLength={200}
          autoComplete="off"
          error={state.fieldErrors.title}
        />
      </div>
      <div className={styles.status}>
        <SelectField
          name="status"
          idPrefix="new-task"
          label={m.tasks.status}
          defaultValue={state.values.status ?? 'todo'}
          key={state.values.status ?? 'todo'}
          options={TASK_STATUSES.map((status) => ({ value: status, label: m.status[status] }))}
        />
      </div>
      <div className={styles.submit}>
        <SubmitButton inline>{m.tasks.add}</SubmitButton>
      </div>
      <div className={styles.messages}>
        <FormAlert message={state.formError} />
        <p role="status" className={styles.created}>
          {state.created}
        </p>
      </div>
    </form>
  );
}
