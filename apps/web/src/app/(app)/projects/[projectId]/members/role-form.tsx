'use client';

import { useActionState } from 'react';
import { SubmitButton } from '../../../../../components/submit-button';
import ui from '../../../../../components/ui.module.css';
import { fill } from '../../../../../i18n/format';
import type { Messages } from '../../../../../i18n/messages';
import { idleAction } from '../../../../../lib/action-state';
import { changeRole } from './actions';
import styles from './members.module.css';

interface RoleFormProps {
  readonly projectId: string;
  readonly userId: string;
  readonly name: string;
  readonly role: string;
  readonly m: Messages['workspace'];
  readonly saveLabel: string;
}

/** A member's role: a select and a save button, the result announced next to them. */
export function RoleForm({ projectId, userId, name, role, m, saveLabel }: RoleFormProps) {
  const [state, formAction] = useActionState(changeRole, idleAction);
  const id = `role-${userId}`;
  return (
    <form action={formAction} className={styles.roleForm}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="visually-hidden">
        {fill(m.members.changeRole, { name })}
      </label>
      {/* Keyed by the saved role: a select takes its default only when mounted. */}
      <select key={role} id={id} name="role" defaultValue={role} className={styles.select}>
        {(['owner', 'admin', 'member', 'viewer'] as const).map((each) => (
          <option key={each} value={each}>
            {m.role[each]}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" inline small ariaLabel={`${saveLabel}: ${fill(m.members.changeRole, { name })}`}>
        {saveLabel}
      </SubmitButton>
      {state.error && <span className={ui.inlineError}>{state.error}</span>}
      <span role="status" className={state.done ? ui.muted : 'visually-hidden'}>
        {state.done}
      </span>
    </form>
  );
}
