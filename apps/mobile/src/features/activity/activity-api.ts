import type { paths } from '@msp/api-client';

import type { GatewayClient } from '../../api/gateway-client';
import { PAGE_SIZE } from '../projects/projects-api';

export type ActivityPage = paths['/api/v1/projects/{projectId}/activity']['get']['responses'][200]['content']['application/json'];
export type Activity = ActivityPage['items'][number];

export function listActivity(client: GatewayClient, projectId: string, cursor: string | undefined): Promise<ActivityPage> {
  return client.request((api, init) =>
    api.GET('/api/v1/projects/{projectId}/activity', { ...init, params: { path: { projectId }, query: { limit: PAGE_SIZE, cursor } } }),
  );
}
