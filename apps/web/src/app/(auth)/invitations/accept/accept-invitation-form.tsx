'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormAlert } from '../../../../components/form-alert';
import { SubmitButton } from '../../../../components/submit-button';
import { signOut } from '../../../../lib/sign-out';
import styles from '../../auth.module.css';
import { acceptInvitation, type AcceptInvitationState } from './actions';
import { InvalidInvitation } from './invalid-invitation';

const initialState: AcceptInvitationState = { status: 'ready', error: null };

const ROLE_PHRASES: Record<string, string> = { owner: 'an owner', admin: 'an admin', member: 'a member', viewer: 'a viewer' };

interface AcceptInvitationFormProps {
  readonly token: string;
  /** The signed-in user's address: the invitation works only if it was sent there. */
  readonly email: string;
  /** This page, for switching accounts and coming back. */
  readonly here: string;
}

export function AcceptInvitationForm({ token, email, here }: AcceptInvitationFormProps) {
  const [state, formAction] = useActionState(acceptInvitation, initialState);

  if (state.status === 'invalid') return <InvalidInvitation email={email} here={here} />;

  if (state.status === 'joined') {
    const { name, key, role } = state.project;
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Welcome to {name}</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            You joined {name} ({key}) as {ROLE_PHRASES[role] ?? role}.
          </p>
          <Link href="/" className={styles.action}>
            Go to the home page
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Join a project</h1>
        <p className={styles.lead}>You were invited to join a project. Accept the invitation to join it with the role it gives you.</p>
      </div>
      <div className={styles.stack}>
        <p className={styles.notice}>
          You are signed in as <strong>{email}</strong>. An invitation works only for the email address it was sent to.
        </p>
        <form action={formAction} className={styles.form}>
          <input type="hidden" name="token" value={token} />
          <FormAlert message={state.error} />
          <SubmitButton>Join project</SubmitButton>
        </form>
        <form action={signOut} className={styles.form}>
          <input type="hidden" name="next" value={here} />
          <SubmitButton variant="quiet">Use another account</SubmitButton>
        </form>
      </div>
    </>
  );
}
