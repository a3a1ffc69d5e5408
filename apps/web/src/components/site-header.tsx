import Link from 'next/link';
import { getCurrentUser } from '../lib/current-user';
import { signOut } from '../lib/sign-out';
import styles from './site-header.module.css';
import { SubmitButton } from './submit-button';

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <span className={styles.mark} aria-hidden="true" />
          Mega Solution Platform
        </Link>
        {user.status === 'signed-in' && (
          <div className={styles.account}>
            <span className={styles.name} title={user.me.email}>
              {user.me.displayName}
            </span>
            <form action={signOut}>
              <SubmitButton variant="quiet">Sign out</SubmitButton>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
