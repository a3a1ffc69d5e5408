import Link from 'next/link';
import { getI18n } from '../i18n/server';
import { getCurrentUser } from '../lib/current-user';
import { signOut } from '../lib/sign-out';
import styles from './site-header.module.css';
import { SubmitButton } from './submit-button';

/** The header of the public one-task pages; a signed-in visitor (accepting an invitation) can sign out. */
export async function SiteHeader() {
  const user = await getCurrentUser();
  const { m } = await getI18n();
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <span className={styles.mark} aria-hidden="true" />
          {m.common.appName}
        </Link>
        {user.status === 'signed-in' && (
          <div className={styles.account}>
            <span className={styles.name} title={user.me.email}>
              {user.me.displayName}
            </span>
            <form action={signOut}>
              <SubmitButton variant="quiet" inline>
                {m.common.signOut}
              </SubmitButton>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
