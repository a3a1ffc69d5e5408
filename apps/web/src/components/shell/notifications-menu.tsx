'use client';

import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState, useTransition } from 'react';
import {
  loadNotifications,
  markNotificationRead,
  markNotificationsRead,
  type NotificationFeed,
} from '../../app/(app)/notifications/actions';
import { plural } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import styles from './notifications-menu.module.css';

const POLL_MS = 60_000;

interface NotificationsMenuProps {
  readonly initial: NotificationFeed;
  readonly m: Messages['common']['notifications'];
}

/**
 * The bell in the header: the unread count, and the latest notifications in a popover. It refreshes
 * when opened and every minute while the tab is visible. Escape or a click outside closes it.
 */
export function NotificationsMenu({ initial, m }: NotificationsMenuProps) {
  const [feed, setFeed] = useState(initial);
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A server render after a mutation brings a fresher count than the one this component holds.
  useEffect(() => setFeed(initial), [initial]);

  const reload = useCallback(() => {
    startTransition(async () => {
      const next = await loadNotifications();
      if (next) setFeed(next);
    });
  }, []);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const toggle = () => {
    setOpen((wasOpen) => !wasOpen);
    if (!open) reload();
  };

  const markRead = (id: string) => {
    setFeed((current) => ({
      unreadCount: Math.max(0, current.unreadCount - 1),
      items: current.items.map((item) => (item.id === id ? { ...item, read: true } : item)),
    }));
    startTransition(async () => {
      await markNotificationRead(id);
    });
  };

  const unreadIds = feed.items.filter((item) => !item.read).map((item) => item.id);
  const markAll = () => {
    setFeed((current) => ({
      unreadCount: Math.max(0, current.unreadCount - unreadIds.length),
      items: current.items.map((item) => ({ ...item, read: true })),
    }));
    startTransition(async () => {
      await markNotificationsRead(unreadIds);
    });
  };

  const countLabel = plural(feed.unreadCount, m.unread);
  return (
    <div className={styles.root} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.bell}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${m.menu}: ${countLabel}`}
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
            fill="currentColor"
          />
        </svg>
        {feed.unreadCount > 0 && (
          <span className={styles.count} data-testid="unread-count">
            {feed.unreadCount > 99 ? '99+' : feed.unreadCount}
          </span>
        )}
      </button>
      <div id={panelId} className={styles.panel} hidden={!open} role="region" aria-label={m.menu} aria-busy={pending || undefined}>
        <div className={styles.panelHeader}>
          <h2 className={styles.panelTitle}>{m.menu}</h2>
          {unreadIds.length > 0 && (
            <button type="button" className={styles.textButton} onClick={markAll}>
              {m.markAllRead}
            </button>
          )}
        </div>
        {feed.items.length === 0 ? (
          <p className={styles.empty}>{m.empty}</p>
        ) : (
          <ul className={styles.list}>
            {feed.items.map((item) => (
              <li key={item.id} className={item.read ? styles.item : `${styles.item} ${styles.unread}`}>
                <div className={styles.itemText}>
                  {item.href ? (
                    <Link href={item.href} className={styles.itemTitle} onClick={() => setOpen(false)}>
                      {item.title}
                    </Link>
                  ) : (
                    <span className={styles.itemTitle}>{item.title}</span>
                  )}
                  <p className={styles.itemBody}>{item.body}</p>
                  <time className={styles.itemTime} dateTime={item.createdAt}>
                    {item.when}
                  </time>
                </div>
                {!item.read && (
                  <button
                    type="button"
                    className={styles.textButton}
                    onClick={() => markRead(item.id)}
                    aria-label={`${m.markRead}: ${item.title}`}
                  >
                    {m.markRead}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <Link href="/notifications" className={styles.viewAll} onClick={() => setOpen(false)}>
          {m.viewAll}
        </Link>
      </div>
    </div>
  );
}
