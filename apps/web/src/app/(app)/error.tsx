'use client';

import { useCommonMessages } from '../../components/common-messages';
import { fill } from '../../i18n/format';
import styles from '../status-page.module.css';

// Last line of defence for an unexpected failure while rendering: the details stay in the server log
// (the digest ties the two together). `retry` re-fetches the segment from the server, so a passing
// failure can heal without a full reload.
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const m = useCommonMessages();
  return (
    <section className={styles.page}>
      <h1 className={styles.title}>{m.errorTitle}</h1>
      <p className={styles.lead}>{m.errorLead}</p>
      {error.digest && <p className={styles.reference}>{fill(m.errorReference, { digest: error.digest })}</p>}
      <button type="button" className={styles.button} onClick={retry}>
        {m.retry}
      </button>
    </section>
  );
}
