import Link from 'next/link';
import styles from '../auth.module.css';

/** An unsubscribe link that cannot be used (missing, unknown or expired token): preferences are the way on. */
export function InvalidUnsubscribeLink() {
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>This unsubscribe link cannot be used</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          This unsubscribe link is invalid or has expired.
        </p>
        <p className={styles.lead}>
          Use the link in a recent email, or sign in and turn emails off in your notification settings. Security emails cannot be turned
          off.
        </p>
        <Link href="/signin" className={styles.action}>
          Go to sign in
        </Link>
      </div>
    </>
  );
}
