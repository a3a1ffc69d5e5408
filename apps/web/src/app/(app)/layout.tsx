import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { AppHeader } from '../../components/shell/app-header';
import { getI18n } from '../../i18n/server';
import { notificationsApi } from '../../lib/api/notifications';
import { SESSION_ENDED_PATH, requireCaller } from '../../lib/caller';
import { getCurrentUser } from '../../lib/current-user';
import { generalMessage } from '../../lib/form-state';
import styles from './app-shell.module.css';
import { notificationView } from './notifications/notification-view';

// Every signed-in page: the header with navigation and the notification bell, then the page. The proxy
// sends visitors without a session to sign in; this also catches a session the gateway has revoked
// (a suspended account, a password reset elsewhere).
export default async function AppLayout({ children }: { readonly children: ReactNode }) {
  const user = await getCurrentUser();
  if (user.status === 'signed-out') redirect(SESSION_ENDED_PATH);
  const i18n = await getI18n();
  const { m } = i18n;
  if (user.status === 'unavailable') {
    return (
      <main id="main" className={styles.main}>
        <p role="alert" className={styles.unavailable}>
          {m.common.couldNotLoad} {generalMessage(user.problem, m.common)}
        </p>
      </main>
    );
  }

  const caller = await requireCaller();
  const feed = await notificationsApi.list(caller, { limit: 8 });
  const notifications = feed.ok
    ? { items: feed.data.items.map((item) => notificationView(item, i18n)), unreadCount: feed.data.unreadCount }
    : { items: [], unreadCount: 0 };
  return (
    <>
      <AppHeader me={user.me} notifications={notifications} m={m.common} />
      <main id="main" className={styles.main}>
        {children}
      </main>
    </>
  );
}
