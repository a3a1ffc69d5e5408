import 'server-only';
import { api, as, settle, type Caller, type GatewayResult } from '../gateway-core';
import type { Answer, ItemOf, Query } from './types';

export type NotificationPage = Answer<'/api/v1/notifications', 'get'>;
export type AppNotification = ItemOf<NotificationPage>;

export const notificationsApi = {
  list: (caller: Caller, query: Query<'/api/v1/notifications', 'get'>): Promise<GatewayResult<NotificationPage>> =>
    settle(api.GET('/api/v1/notifications', { params: { query }, ...as(caller) }), 'json'),

  markRead: (caller: Caller, id: string): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } }, ...as(caller) }), 'empty'),
} as const;
