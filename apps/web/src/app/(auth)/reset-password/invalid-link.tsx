import Link from 'next/link';
import styles from '../auth.module.css';

/** A reset link that cannot be used (missing, unknown, used or expired token): the way on is a new one. */
export function InvalidResetLink() {
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>This reset link cannot be used</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          This password reset link is invalid, has already been used, or has expired.
        </p>
        <p className={styles.lead}>
          Links work once and only for a limited time. Ask for a new one and use the latest email we send. If you already set a new
          password, you can simply <Link href="/signin">sign in</Link>.
        </p>
        <Link href="/forgot-password" className={styles.action}>
          Get a new reset link
        </Link>
      </div>
    </>
  );
}
