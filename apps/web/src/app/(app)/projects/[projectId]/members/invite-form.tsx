'use client';

import { useActionState } from 'react';
import { Field } from '../../../../../components/field';
import { FormAlert } from '../../../../../components/form-alert';
import { SelectField } from '../../../../../components/select-field';
import { SubmitButton } from '../../../../../components/submit-button';
import ui from '../../../../../components/ui.module.css';
import { useFocusOnError } from '../../../../../components/use-focus-on-error';
import type { Messages } from '../../../../../i18n/messages';
import { invite, type InviteState } from './actions';

interface InviteFormProps {
  readonly projectId: string;
  readonly idempotencyKey: string;
  readonly m: Messages['workspace'];
}

export function InviteForm({ projectId, idempotencyKey, m }: InviteFormProps) {
  const [state, formAction] = useActionState(invite, {
    idempotencyKey,
    sent: null,
    formError: null,
    fieldErrors: {},
    values: {},
  } satisfies InviteState);
  const formRef = useFocusOnError(state);
  const t = m.members;
  return (
    <form ref={formRef} action={formAction} className={ui.form}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <FormAlert message={state.formError} />
      <div className={ui.formRow}>
        <Field
          name="email"
          idPrefix="invite"
          type="email"
          label={t.inviteEmail}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.values.email}
          error={state.fieldErrors.email}
        />
        <SelectField
          name="role"
          idPrefix="invite"
          label={t.inviteRole}
          defaultValue={state.values.role ?? 'member'}
          options={(['admin', 'member', 'viewer'] as const).map((role) => ({ value: role, label: m.role[role] }))}
          error={state.fieldErrors.role}
        />
      </div>
      <div>
        <SubmitButton inline>{t.send}</SubmitButton>
      </div>
      <p role="status" className={ui.success}>
        {state.sent}
      </p>
    </form>
  );
}
