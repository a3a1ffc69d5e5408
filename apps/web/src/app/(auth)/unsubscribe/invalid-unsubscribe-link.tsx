import Link from 'next/link';
import type { Messages } from '../../../i18n/messages';
import styles from '../auth.module.css';

/** An unsubscribe link that cannot be used (missing, unknown or expired token): preferences are the way on. */
export function InvalidUnsubscribeLink({ m }: { readonly m: Messages['auth'] }) {
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{m.unsubscribe.invalidTitle}</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          {m.unsubscribe.invalid}
        </p>
        <p className={styles.lead}>{m.unsubscribe.invalidLead}</p>
        <Link href="/signin" className={styles.action}>
          {m.unsubscribe.goSignIn}
        </Link>
      </div>
    </>
  );
}
