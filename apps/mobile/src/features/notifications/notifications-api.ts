import type { paths } from '@msp/api-client';

import type { GatewayClient } from '../../api/gateway-client';
import { PAGE_SIZE } from '../projects/projects-api';

export type NotificationPage = paths['/api/v1/notifications']['get']['responses'][200]['content']['application/json'];
export type AppNotification = NotificationPage['items'][number];

export function listNotifications(client: GatewayClient, cursor: string | undefined): Promise<NotificationPage> {
  return client.request((api, init) => api.GET('/api/v1/notifications', { ...init, params: { query: { limit: PAGE_SIZE, cursor } } }));
}

export function markNotificationRead(client: GatewayClient, id: string): Promise<void> {
  return client.requestVoid((api, init) => api.POST('/api/v1/notifications/{id}/read', { ...init, params: { path: { id } } }));
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// A task is named by its id or, in the links the platform emails and notifies, by its key (WEB-42).
const projectOrTask = new RegExp(`^/projects/(${UUID})(?:/tasks/(${UUID}|[A-Z][A-Z0-9]{1,9}-\\d+))?/?$`, 'i');

/**
 * The app route a notification link opens, when it names a project or a task this app can show.
 * Links are workspace paths shared with the web app (e.g. /projects/<id>/tasks/WEB-42), whose
 * project and task routes this app mirrors; anything else (billing, invitations) opens nothing.
 */
export function routeForLink(link: string | null): string | null {
  if (link === null) return null;
  const path = decodeURIComponent(link.replace(/^https?:\/\/[^/]+/, '').split(/[?#]/)[0] ?? '');
  const match = projectOrTask.exec(path);
  if (match === null) return null;
  return match[2] === undefined ? `/projects/${match[1]}` : `/projects/${match[1]}/tasks/${match[2]}`;
}
