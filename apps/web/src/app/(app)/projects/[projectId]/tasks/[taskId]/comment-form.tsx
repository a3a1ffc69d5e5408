'use client';

import { useActionState } from 'react';
import { FormAlert } from '../../../../../../components/form-alert';
import { SubmitButton } from '../../../../../../components/submit-button';
import { TextareaField } from '../../../../../../components/textarea-field';
import ui from '../../../../../../components/ui.module.css';
import { useFocusOnError } from '../../../../../../components/use-focus-on-error';
import type { Messages } from '../../../../../../i18n/messages';
import { addComment, type CommentState } from '../../task-actions';

interface CommentFormProps {
  readonly projectId: string;
  readonly taskId: string;
  readonly idempotencyKey: string;
  readonly m: Messages['workspace'];
}

export function CommentForm({ projectId, taskId, idempotencyKey, m }: CommentFormProps) {
  const [state, formAction] = useActionState(addComment, {
    idempotencyKey,
    posted: false,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies CommentState);
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={formAction} className={ui.form}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <FormAlert message={state.formError} />
      <TextareaField
        name="body"
        idPrefix="comment"
        label={m.task.addComment}
        hint={m.tasks.descriptionHint}
        rows={3}
        maxLength={10000}
        defaultValue={state.values.body}
        error={state.fieldErrors.body}
      />
      <div>
        <SubmitButton inline>{m.task.comment}</SubmitButton>
      </div>
      <p role="status" className="visually-hidden">
        {state.posted ? m.task.commentPosted : ''}
      </p>
    </form>
  );
}
