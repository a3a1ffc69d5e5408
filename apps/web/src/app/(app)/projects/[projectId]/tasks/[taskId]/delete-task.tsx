'use client';

import { useActionState, useState } from 'react';
import { buttonClass } from '../../../../../../components/button-class';
import { SubmitButton } from '../../../../../../components/submit-button';
import ui from '../../../../../../components/ui.module.css';
import { fill } from '../../../../../../i18n/format';
import type { Messages } from '../../../../../../i18n/messages';
import { deleteTask, type SimpleState } from '../../task-actions';

interface DeleteTaskProps {
  readonly projectId: string;
  readonly taskId: string;
  readonly taskKey: string;
  readonly m: Messages['workspace'];
  readonly common: Messages['common'];
}

/** Deleting asks once more, in place: no dialog to trap focus in, nothing to dismiss. */
export function DeleteTask({ projectId, taskId, taskKey, m, common }: DeleteTaskProps) {
  const [state, formAction] = useActionState(deleteTask, { error: null, done: null } satisfies SimpleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className={buttonClass({ variant: 'secondary', inline: true, small: true })}
        onClick={() => setConfirming(true)}
      >
        {m.task.deleteTask}
      </button>
    );
  }
  return (
    <form action={formAction} className={ui.actions}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="taskId" value={taskId} />
      <span role="alert">{fill(m.task.deleteConfirm, { key: taskKey })}</span>
      <SubmitButton variant="danger" inline small>
        {m.task.deleteYes}
      </SubmitButton>
      <button type="button" className={buttonClass({ variant: 'quiet', inline: true, small: true })} onClick={() => setConfirming(false)}>
        {common.cancel}
      </button>
      {state.error && <span className={ui.inlineError}>{state.error}</span>}
    </form>
  );
}
