import type { commsV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { NotificationsService } from './notifications.service.js';

type NotificationRpcs = Pick<commsV1.CommsServiceImplementation, 'listNotifications' | 'markNotificationRead'>;

@Injectable()
export class NotificationsGrpc implements NotificationRpcs {
  constructor(private readonly notifications: NotificationsService) {}

  async listNotifications(request: commsV1.ListNotificationsRequest, context: CallContext): Promise<commsV1.ListNotificationsResponse> {
    const page = await this.notifications.list(callerOf(context), request);
    return {
      items: page.items.map((entry) => ({ ...entry, readAt: entry.readAt ?? undefined })),
      nextCursor: page.nextCursor,
      unreadCount: page.unreadCount,
    };
  }

  async markNotificationRead(
    request: commsV1.MarkNotificationReadRequest,
    context: CallContext,
  ): Promise<commsV1.MarkNotificationReadResponse> {
    await this.notifications.markRead(callerOf(context), request.id);
    return {};
  }
}
