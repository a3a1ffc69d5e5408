'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import type { Messages } from '../../../i18n/messages';
import styles from '../auth.module.css';
import { unsubscribe, type UnsubscribeState } from './actions';
import { InvalidUnsubscribeLink } from './invalid-unsubscribe-link';

const initialState: UnsubscribeState = { status: 'ready', error: null };

interface UnsubscribeFormProps {
  readonly token: string;
  readonly m: Messages['auth'];
  /** Email categories by name; an unknown one is shown as the service calls it. */
  readonly categories: Readonly<Record<string, string>>;
  readonly goHome: string;
}

export function UnsubscribeForm({ token, m, categories, goHome }: UnsubscribeFormProps) {
  const [state, formAction] = useActionState(unsubscribe, initialState);
  const t = m.unsubscribe;

  if (state.status === 'invalid') return <InvalidUnsubscribeLink m={m} />;

  if (state.status === 'unsubscribed') {
    const { category, email } = state.result;
    const [before, rest = ''] = t.done.split('{category}');
    const [middle, after] = rest.split('{email}');
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>{t.doneTitle}</h1>
        </div>
        <div className={styles.stack}>
          <p role="status" className={styles.success}>
            {before}
            {categories[category] ?? category}
            {middle}
            <strong>{email}</strong>
            {after}
          </p>
          <p className={styles.lead}>{t.doneLead}</p>
          <Link href="/" className={styles.action}>
            {goHome}
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{t.title}</h1>
        <p className={styles.lead}>{t.lead}</p>
      </div>
      <div className={styles.stack}>
        <form action={formAction} className={styles.form}>
          <input type="hidden" name="token" value={token} />
          <FormAlert message={state.error} />
          <SubmitButton>{t.submit}</SubmitButton>
        </form>
      </div>
    </>
  );
}
