'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormAlert } from '../../../../components/form-alert';
import { SubmitButton } from '../../../../components/submit-button';
import { fill } from '../../../../i18n/format';
import type { Messages } from '../../../../i18n/messages';
import { signOut } from '../../../../lib/sign-out';
import styles from '../../auth.module.css';
import { acceptInvitation, type AcceptInvitationState } from './actions';
import { InvalidInvitation } from './invalid-invitation';

const initialState: AcceptInvitationState = { status: 'ready', error: null };

interface AcceptInvitationFormProps {
  readonly token: string;
  /** The signed-in user's address: the invitation works only if it was sent there. */
  readonly email: string;
  /** This page, for switching accounts and coming back. */
  readonly here: string;
  readonly m: Messages;
}

export function AcceptInvitationForm({ token, email, here, m }: AcceptInvitationFormProps) {
  const [state, formAction] = useActionState(acceptInvitation, initialState);
  const t = m.auth.invitation;

  if (state.status === 'invalid') return <InvalidInvitation email={email} here={here} m={m} />;

  if (state.status === 'joined') {
    const { id, name, key, role } = state.project;
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>{fill(t.welcome, { name })}</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            {fill(t.joined, { name, key, role: m.workspace.rolePhrase[role] })}
          </p>
          <Link href={`/projects/${id}`} className={styles.action}>
            {t.openProject}
          </Link>
        </div>
      </>
    );
  }

  const [before, after] = t.signedInAs.split('{email}');
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{t.title}</h1>
        <p className={styles.lead}>{t.lead}</p>
      </div>
      <div className={styles.stack}>
        <p className={styles.notice}>
          {before}
          <strong>{email}</strong>
          {after}
        </p>
        <form action={formAction} className={styles.form}>
          <input type="hidden" name="token" value={token} />
          <FormAlert message={state.error} />
          <SubmitButton>{t.join}</SubmitButton>
        </form>
        <form action={signOut} className={styles.form}>
          <input type="hidden" name="next" value={here} />
          <SubmitButton variant="quiet">{t.otherAccount}</SubmitButton>
        </form>
      </div>
    </>
  );
}
