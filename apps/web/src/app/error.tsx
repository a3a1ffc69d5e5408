'use client';

import styles from './status-page.module.css';

// Last line of defence for an unexpected failure while rendering: the details stay in the server log
// (the digest ties the two together). `retry` re-fetches the segment from the server, so a passing
// failure can heal without a full reload.
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <section className={styles.page}>
      <h1 className={styles.title}>Something went wrong</h1>
      <p className={styles.lead}>An unexpected error stopped this page from loading. Please try again.</p>
      {error.digest && <p className={styles.reference}>Reference: {error.digest}</p>}
      <button type="button" className={styles.button} onClick={retry}>
        Try again
      </button>
    </section>
  );
}
