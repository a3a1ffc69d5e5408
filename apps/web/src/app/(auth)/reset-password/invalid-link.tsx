import Link from 'next/link';
import type { Messages } from '../../../i18n/messages';
import styles from '../auth.module.css';

/** A reset link that cannot be used (missing, unknown, used or expired token): the way on is a new one. */
export function InvalidResetLink({ m }: { readonly m: Messages['auth'] }) {
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{m.reset.invalidTitle}</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          {m.reset.invalid}
        </p>
        <p className={styles.lead}>
          {m.reset.invalidLeadBefore} <Link href="/signin">{m.reset.invalidLeadLink}</Link>.
        </p>
        <Link href="/forgot-password" className={styles.action}>
          {m.reset.newLink}
        </Link>
      </div>
    </>
  );
}
