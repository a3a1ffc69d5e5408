import { Controller, Inject } from '@nestjs/common';
import { USER_CLIENT, type UserClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody } from '../http/valid-input.decorator.js';
import {
  notificationPreferencesBody,
  notificationPreferencesResponse,
  toNotificationPreferences,
  type NotificationPreferencesBody,
  type NotificationPreferencesResponse,
} from './notification-preferences.dto.js';

const tag = 'Me';
const path = '/api/v1/me/notification-preferences';

/** The caller's email preferences; whose they are comes from the verified token, in the call metadata. */
@Controller()
export class NotificationPreferencesController {
  constructor(@Inject(USER_CLIENT) private readonly user: UserClient) {}

  @Endpoint({
    method: 'GET',
    path,
    errorCodes: { 404: ['PROFILE_NOT_FOUND'] },
    tag,
    auth: 'user',
    status: 200,
    summary: "The caller's email notification preferences per category",
    response: notificationPreferencesResponse,
    errors: [],
  })
  async getNotificationPreferences(): Promise<NotificationPreferencesResponse> {
    return toNotificationPreferences(await this.user.getPreferences({}));
  }

  @Endpoint({
    method: 'PUT',
    path,
    errorCodes: { 404: ['PROFILE_NOT_FOUND'] },
    tag,
    auth: 'user',
    status: 200,
    summary: "Replace the caller's email notification preferences",
    description: 'Security emails cannot be turned off: the answer shows them on whatever was sent. An unknown category is 400.',
    body: notificationPreferencesBody,
    response: notificationPreferencesResponse,
    errors: [],
  })
  async replaceNotificationPreferences(@ValidBody() body: NotificationPreferencesBody): Promise<NotificationPreferencesResponse> {
    return toNotificationPreferences(await this.user.updatePreferences({ email: body.email }));
  }
}
