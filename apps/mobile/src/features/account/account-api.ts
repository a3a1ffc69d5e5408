import type { paths } from '@msp/api-client';

import type { GatewayClient, Me } from '../../api/gateway-client';

export type ProfileChange = paths['/api/v1/me']['patch']['requestBody']['content']['application/json'];
export type NotificationPreferences = paths['/api/v1/me/notification-preferences']['get']['responses'][200]['content']['application/json'];
export type Session = paths['/api/v1/auth/sessions']['get']['responses'][200]['content']['application/json']['items'][number];

export function updateProfile(client: GatewayClient, change: ProfileChange): Promise<Me> {
  return client.request((api, init) => api.PATCH('/api/v1/me', { ...init, body: change }));
}

export function getPreferences(client: GatewayClient): Promise<NotificationPreferences> {
  return client.request((api, init) => api.GET('/api/v1/me/notification-preferences', init));
}

export function savePreferences(client: GatewayClient, preferences: NotificationPreferences): Promise<NotificationPreferences> {
  return client.request((api, init) => api.PUT('/api/v1/me/notification-preferences', { ...init, body: preferences }));
}

export async function listSessions(client: GatewayClient): Promise<Session[]> {
  const page = await client.request((api, init) => api.GET('/api/v1/auth/sessions', init));
  return page.items;
}

export function revokeSession(client: GatewayClient, id: string): Promise<void> {
  return client.requestVoid((api, init) => api.DELETE('/api/v1/auth/sessions/{id}', { ...init, params: { path: { id } } }));
}
