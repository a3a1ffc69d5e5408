import { decodeCursor, pageSize, toPage, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { CommsError } from '../comms.errors.js';
import { isUuid } from '../uuid.js';
import { NotificationsRepository, type NotificationEntry } from './notifications.repository.js';

export interface NotificationsPage {
  items: NotificationEntry[];
  nextCursor: string;
  /** All of the caller's unread notifications, not only this page's. */
  unreadCount: number;
}

/** The caller's own in-app notifications: nobody reads or marks anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(caller: Caller | undefined, request: { limit: number; cursor: string; unreadOnly: boolean }): Promise<NotificationsPage> {
    const { userId } = signedIn(caller);
    const after = decodeCursor(request.cursor);
    if (request.cursor && !after) {
      throw new CommsError('VALIDATION_FAILED', 'The cursor is invalid.', [{ path: 'cursor', message: 'is invalid' }]);
    }
    const size = pageSize(request.limit);
    const rows = await this.notifications.listOwn(userId, size + 1, after, request.unreadOnly);
    return { ...toPage(rows, size), unreadCount: await this.notifications.countUnread(userId) };
  }

  /** Someone else's notification answers like one that does not exist: its existence is not leaked. */
  async markRead(caller: Caller | undefined, id: string): Promise<void> {
    const { userId } = signedIn(caller);
    if (!isUuid(id) || !(await this.notifications.markRead(id, userId, new Date()))) {
      throw new CommsError('NOTIFICATION_NOT_FOUND', 'No such notification.');
    }
  }
}

function signedIn(caller: Caller | undefined): Caller {
  if (!caller) throw new CommsError('UNAUTHENTICATED', 'Sign in first.');
  return caller;
}
