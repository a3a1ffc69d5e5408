import type { paths } from '@msp/api-client';

import type { GatewayClient } from '../../api/gateway-client';
import { PAGE_SIZE } from '../projects/projects-api';

type CommentsPath = paths['/api/v1/projects/{projectId}/tasks/{taskId}/comments'];
export type CommentPage = CommentsPath['get']['responses'][200]['content']['application/json'];
export type Comment = CommentPage['items'][number];

export function listComments(client: GatewayClient, projectId: string, taskId: string, cursor: string | undefined): Promise<CommentPage> {
  return client.request((api, init) =>
    api.GET('/api/v1/projects/{projectId}/tasks/{taskId}/comments', {
      ...init,
      params: { path: { projectId, taskId }, query: { limit: PAGE_SIZE, cursor } },
    }),
  );
}

export function addComment(
  client: GatewayClient,
  projectId: string,
  taskId: string,
  body: string,
  idempotencyKey: string,
): Promise<Comment> {
  return client.request((api, init) =>
    api.POST('/api/v1/projects/{projectId}/tasks/{taskId}/comments', {
      ...init,
      headers: { ...init.headers, 'Idempotency-Key': idempotencyKey },
      params: { path: { projectId, taskId } },
      body: { body },
    }),
  );
}
