import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, PageHeader } from '../../../components/page-parts';
import tabs from '../../../components/tabs.module.css';
import ui from '../../../components/ui.module.css';
import { getI18n } from '../../../i18n/server';
import { notificationsApi } from '../../../lib/api/notifications';
import { must, requireCaller } from '../../../lib/caller';
import { MarkReadButton } from './mark-read-button';
import { notificationView } from './notification-view';
import styles from './notifications.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.common.notifications.title };
}

interface NotificationsPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NotificationsPage({ searchParams }: NotificationsPageProps) {
  const { unread, cursor } = await searchParams;
  const unreadOnly = unread === '1';
  const i18n = await getI18n();
  const t = i18n.m.common.notifications;
  const page = must(
    await notificationsApi.list(await requireCaller(), {
      limit: 30,
      ...(unreadOnly && { unread: 'true' as const }),
      ...(typeof cursor === 'string' && { cursor }),
    }),
  );
  const items = page.items.map((item) => notificationView(item, i18n));
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div className={ui.stack}>
        <nav aria-label={t.title} className={tabs.tabs}>
          <Link href="/notifications" className={tabs.tab} aria-current={unreadOnly ? undefined : 'page'}>
            {t.all}
          </Link>
          <Link href="/notifications?unread=1" className={tabs.tab} aria-current={unreadOnly ? 'page' : undefined}>
            {t.unreadOnly}
          </Link>
        </nav>
        {items.length === 0 ? (
          <EmptyState title={t.empty} />
        ) : (
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item.id} className={item.read ? styles.item : `${styles.item} ${styles.unread}`}>
                <div className={styles.text}>
                  <p className={styles.title}>{item.href ? <Link href={item.href}>{item.title}</Link> : item.title}</p>
                  <p className={ui.muted}>{item.body}</p>
                  <time dateTime={item.createdAt} className={styles.when}>
                    {item.when}
                  </time>
                </div>
                {!item.read && <MarkReadButton id={item.id} label={t.markRead} title={item.title} />}
              </li>
            ))}
          </ul>
        )}
        {page.nextCursor && (
          <nav className={ui.pager} aria-label={i18n.m.common.pagination}>
            <span />
            <Link href={`/notifications?${unreadOnly ? 'unread=1&' : ''}cursor=${encodeURIComponent(page.nextCursor)}`}>
              {i18n.m.common.nextPage}
            </Link>
          </nav>
        )}
      </div>
    </>
  );
}
