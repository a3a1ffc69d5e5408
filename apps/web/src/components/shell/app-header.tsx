import Link from 'next/link';
import type { NotificationFeed } from '../../app/(app)/notifications/actions';
import type { Messages } from '../../i18n/messages';
import type { Me } from '../../lib/gateway';
import { signOut } from '../../lib/sign-out';
import { SubmitButton } from '../submit-button';
import styles from './app-header.module.css';
import { Avatar } from './avatar';
import { NavLink } from './nav-link';
import { NotificationsMenu } from './notifications-menu';

interface AppHeaderProps {
  readonly me: Me;
  readonly notifications: NotificationFeed;
  readonly m: Messages['common'];
}

/** The signed-in header: brand, the sections, the notification bell, the account and signing out. */
export function AppHeader({ me, notifications, m }: AppHeaderProps) {
  const isAdmin = me.roles.includes('admin');
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <span className={styles.mark} aria-hidden="true" />
          <span className={styles.brandName}>{m.appName}</span>
        </Link>
        <nav aria-label={m.nav.main} className={styles.nav}>
          <NavLink href="/projects" label={m.nav.projects} />
          <NavLink href="/account" label={m.nav.account} />
          {isAdmin && <NavLink href="/admin" label={m.nav.admin} />}
        </nav>
        <div className={styles.tools}>
          <NotificationsMenu initial={notifications} m={m.notifications} />
          <Link href="/account" className={styles.me} title={me.email}>
            <Avatar name={me.displayName} url={me.avatarUrl} />
            <span className={styles.name}>{me.displayName}</span>
          </Link>
          <form action={signOut}>
            <SubmitButton variant="quiet" inline>
              {m.signOut}
            </SubmitButton>
          </form>
        </div>
      </div>
    </header>
  );
}
