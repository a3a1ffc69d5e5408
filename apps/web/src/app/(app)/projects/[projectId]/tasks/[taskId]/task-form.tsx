'use client';

import { useActionState, useEffect, useState, type ReactNode } from 'react';
import { Field } from '../../../../../../components/field';
import { FormAlert } from '../../../../../../components/form-alert';
import { SelectField } from '../../../../../../components/select-field';
import { SubmitButton } from '../../../../../../components/submit-button';
import { TextareaField } from '../../../../../../components/textarea-field';
import { buttonClass } from '../../../../../../components/button-class';
import { useFocusOnError } from '../../../../../../components/use-focus-on-error';
import type { Messages } from '../../../../../../i18n/messages';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../../../../../lib/api/task-statuses';
import { updateTask, type EditTaskState } from '../../task-actions';
import styles from './task.module.css';

/** The task's editable fields as the form shows them. */
export interface TaskFields {
  readonly title: string;
  readonly description: string;
  readonly status: string;
  readonly priority: string;
  readonly assigneeId: string;
  readonly dueDate: string;
  readonly labels: string;
}

interface TaskFormProps {
  readonly projectId: string;
  readonly taskId: string;
  readonly version: number;
  readonly task: TaskFields;
  readonly members: ReadonlyArray<{ readonly userId: string; readonly displayName: string }>;
  readonly canEdit: boolean;
  /** The saved description, rendered as Markdown on the server. */
  readonly renderedDescription: ReactNode;
  readonly m: Messages['workspace'];
  readonly common: Messages['common'];
}

/**
 * Every field of a task in one form, saved with the version it was loaded at (If-Match). When someone
 * else saved first, the gateway answers 409: the user's edits stay in the form, the latest values are
 * shown beside it, and saving again (now with the latest version) overwrites them knowingly.
 */
export function TaskForm({ projectId, taskId, version, task, members, canEdit, renderedDescription, m, common }: TaskFormProps) {
  const [state, formAction] = useActionState(updateTask, {
    version,
    saved: false,
    latest: null,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies EditTaskState);
  const formRef = useFocusOnError(state);
  const [editingDescription, setEditingDescription] = useState(false);
  // A saved description is shown rendered again.
  useEffect(() => {
    if (state.saved) setEditingDescription(false);
  }, [state]);
  const value = (field: keyof TaskFields) => state.values[field] ?? task[field];
  // After a save the page re-renders with the new version; after a conflict the state carries the latest.
  const currentVersion = state.latest ? state.version : Math.max(version, state.version);
  const t = m.tasks;
  const showEditor = editingDescription || state.latest !== null || state.fieldErrors.description !== undefined;

  return (
    // Remounted when a save lands (new version) or a conflict brings the latest one: selects take their
    // default only when mounted, and the form must show what was saved or what the user still has.
    <form ref={formRef} action={formAction} className={styles.editor} key={`${version}:${state.version}`}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={currentVersion} />
      <div className={styles.mainColumn}>
        <Field
          name="title"
          label={t.title}
          required
          maxLength={200}
          disabled={!canEdit}
          defaultValue={value('title')}
          error={state.fieldErrors.title}
        />
        <div className={styles.description}>
          {showEditor ? (
            <TextareaField
              name="description"
              label={t.description}
              hint={t.descriptionHint}
              rows={10}
              maxLength={20000}
              autoFocus={editingDescription}
              defaultValue={value('description')}
              error={state.fieldErrors.description}
            />
          ) : (
            <>
              <div className={styles.descriptionHeader}>
                <span className={styles.label} id="description-label">
                  {t.description}
                </span>
                {canEdit && (
                  <button
                    type="button"
                    className={buttonClass({ variant: 'quiet', inline: true, small: true })}
                    onClick={() => setEditingDescription(true)}
                  >
                    {common.edit}
                  </button>
                )}
              </div>
              <input type="hidden" name="description" value={value('description')} />
              <div className={styles.rendered} aria-labelledby="description-label" role="group">
                {renderedDescription}
              </div>
            </>
          )}
        </div>
      </div>
      <div className={styles.sideColumn}>
        <FormAlert message={state.formError} />
        {state.latest && (
          <div className={styles.latest}>
            <p className={styles.latestTitle}>{m.task.latest}</p>
            <dl>
              <dt>{t.title}</dt>
              <dd>{state.latest.title}</dd>
              <dt>{t.status}</dt>
              <dd>{m.status[state.latest.status]}</dd>
              <dt>{t.priority}</dt>
              <dd>{m.priority[state.latest.priority]}</dd>
              <dt>{t.assignee}</dt>
              <dd>{members.find((member) => member.userId === state.latest?.assigneeId)?.displayName ?? t.unassigned}</dd>
              <dt>{t.dueDate}</dt>
              <dd>{state.latest.dueDate ?? '—'}</dd>
              <dt>{t.labels}</dt>
              <dd>{state.latest.labels.join(', ') || '—'}</dd>
            </dl>
            <a href={`/projects/${projectId}/tasks/${taskId}`}>{m.task.discard}</a>
          </div>
        )}
        <SelectField
          name="status"
          label={t.status}
          disabled={!canEdit}
          defaultValue={value('status')}
          options={TASK_STATUSES.map((status) => ({ value: status, label: m.status[status] }))}
          error={state.fieldErrors.status}
        />
        <SelectField
          name="priority"
          label={t.priority}
          disabled={!canEdit}
          defaultValue={value('priority')}
          options={TASK_PRIORITIES.map((priority) => ({ value: priority, label: m.priority[priority] }))}
          error={state.fieldErrors.priority}
        />
        <SelectField
          name="assigneeId"
          label={t.assignee}
          disabled={!canEdit}
          defaultValue={value('assigneeId')}
          options={[{ value: '', label: t.unassigned }, ...members.map((member) => ({ value: member.userId, label: member.displayName }))]}
          error={state.fieldErrors.assigneeId}
        />
        <Field
          name="dueDate"
          type="date"
          label={t.dueDate}
          disabled={!canEdit}
          defaultValue={value('dueDate')}
          error={state.fieldErrors.dueDate}
        />
        <Field
          name="labels"
          label={t.labels}
          hint={t.labelsHint}
          disabled={!canEdit}
          defaultValue={value('labels')}
          error={state.fieldErrors.labels}
        />
        {canEdit && (
          <div className={styles.saveRow}>
            <SubmitButton inline>{common.saveChanges}</SubmitButton>
            <p role="status" className={styles.saved}>
              {state.saved ? m.task.saved : ''}
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
