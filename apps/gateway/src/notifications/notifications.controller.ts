import { Controller, Inject } from '@nestjs/common';
import { COMMS_CLIENT, type CommsClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import {
  listNotificationsQuery,
  notificationPage,
  notificationParams,
  toNotificationPage,
  type ListNotificationsQuery,
  type NotificationPage,
  type NotificationParams,
} from './notifications.dto.js';

const tag = 'Notifications';

/** The caller's in-app notifications; whose they are comes from the verified token, in the call metadata. */
@Controller()
export class NotificationsController {
  constructor(@Inject(COMMS_CLIENT) private readonly comms: CommsClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/notifications',
    tag,
    auth: 'user',
    status: 200,
    summary: "The caller's in-app notifications, newest first",
    query: listNotificationsQuery,
    response: notificationPage,
    errors: [],
  })
  async listNotifications(@ValidQuery() query: ListNotificationsQuery): Promise<NotificationPage> {
    return toNotificationPage(
      await this.comms.listNotifications({ limit: query.limit, cursor: query.cursor ?? '', unreadOnly: query.unread }),
    );
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/notifications/{id}/read',
    tag,
    auth: 'user',
    status: 204,
    summary: 'Mark one of the caller’s notifications read',
    description: 'Marking a read notification again changes nothing. Another user’s notification is 404.',
    params: notificationParams,
    errorCodes: { 404: ['NOTIFICATION_NOT_FOUND'] },
    errors: [],
  })
  async markNotificationRead(@ValidParams() params: NotificationParams): Promise<void> {
    await this.comms.markNotificationRead({ id: params.id });
  }
}
