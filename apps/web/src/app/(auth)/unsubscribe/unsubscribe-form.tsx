'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import styles from '../auth.module.css';
import { unsubscribe, type UnsubscribeState } from './actions';
import { InvalidUnsubscribeLink } from './invalid-unsubscribe-link';

const initialState: UnsubscribeState = { status: 'ready', error: null };

/** Email categories as the sentence names them; an unknown one is shown as the service calls it. */
const CATEGORY_PHRASES: Record<string, string> = { projects: 'project', tasks: 'task', billing: 'billing' };

export function UnsubscribeForm({ token }: { readonly token: string }) {
  const [state, formAction] = useActionState(unsubscribe, initialState);

  if (state.status === 'invalid') return <InvalidUnsubscribeLink />;

  if (state.status === 'unsubscribed') {
    const { category, email } = state.result;
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>You are unsubscribed</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            You will no longer receive {CATEGORY_PHRASES[category] ?? category} emails at <strong>{email}</strong>.
          </p>
          <p className={styles.lead}>You can turn them on again at any time in your notification settings.</p>
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
        <h1 className={styles.title}>Unsubscribe from emails</h1>
        <p className={styles.lead}>
          Confirm to stop the kind of email this link came with. Other emails are not affected, and security emails about your account are
          always sent.
        </p>
      </div>
      <div className={styles.stack}>
        <form action={formAction} className={styles.form}>
          <input type="hidden" name="token" value={token} />
          <FormAlert message={state.error} />
          <SubmitButton>Unsubscribe</SubmitButton>
        </form>
      </div>
    </>
  );
}
