import type { commsV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, isoOrNull, pageOf, pageQuery, timestamp } from '../http/common.dto.js';

export const listNotificationsQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('`true`: only unread notifications'),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;

export const notificationParams = z.strictObject({ id: z.uuid() });
export type NotificationParams = z.output<typeof notificationParams>;

export const notificationResponse = z.object({
  id: z.uuid(),
  type: z.string().describe('The event kind, e.g. task.assigned, project.invited, payment.succeeded'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('Where the web app shows the subject, e.g. /projects/<id>/tasks/WEB-42'),
  readAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type NotificationResponse = z.output<typeof notificationResponse>;

export const notificationPage = pageOf(notificationResponse).extend({
  unreadCount: z.number().int().describe('Unread notifications of the caller in all, not only on this page'),
});
export type NotificationPage = z.output<typeof notificationPage>;

function toNotification(notification: commsV1.Notification): NotificationResponse {
  return {
    id: notification.id,
    type: notification.type,
    title: notification.title,
    body: notification.body,
    link: emptyToNull(notification.link),
    readAt: isoOrNull(notification.readAt),
    createdAt: isoOf(notification.createdAt, 'notification.createdAt'),
  };
}

export function toNotificationPage(response: commsV1.ListNotificationsResponse): NotificationPage {
  return {
    items: response.items.map(toNotification),
    nextCursor: emptyToNull(response.nextCursor),
    unreadCount: response.unreadCount,
  };
}
