'use client';

import { useActionState } from 'react';
import { SubmitButton } from '../../../../../components/submit-button';
import ui from '../../../../../components/ui.module.css';
import { idleAction } from '../../../../../lib/action-state';
import { saveRoles } from '../actions';

interface RolesFormProps {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly legend: string;
  readonly saveLabel: string;
}

export function RolesForm({ userId, roles, labels, legend, saveLabel }: RolesFormProps) {
  const [state, formAction] = useActionState(saveRoles, idleAction);
  return (
    <form action={formAction} className={ui.form}>
      <input type="hidden" name="userId" value={userId} />
      <fieldset className={ui.form}>
        <legend className="visually-hidden">{legend}</legend>
        {['customer', 'admin'].map((role) => (
          <label key={role} className={ui.checkbox}>
            <input type="checkbox" name={`role.${role}`} defaultChecked={roles.includes(role)} />
            <span>{labels[role] ?? role}</span>
          </label>
        ))}
      </fieldset>
      <div className={ui.actions}>
        <SubmitButton variant="secondary" inline>
          {saveLabel}
        </SubmitButton>
        {state.error && <span className={ui.inlineError}>{state.error}</span>}
        <span role="status" className={ui.muted}>
          {state.done}
        </span>
      </div>
    </form>
  );
}
