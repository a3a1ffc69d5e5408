import { useMutation, useQueryClient } from '@tanstack/react-query';

import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../api/use-cursor-list';
import { assertOnline } from '../../network/online';
import { useClient } from '../../session/session-provider';
import { addComment, listComments, type Comment, type CommentPage } from './comments-api';

export function useComments(projectId: string, taskId: string) {
  const client = useClient();
  return useCursorList<Comment, CommentPage>(queryKeys.comments(projectId, taskId), (cursor) =>
    listComments(client, projectId, taskId, cursor),
  );
}

export function useAddComment(projectId: string, taskId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: string; idempotencyKey: string }) => {
      assertOnline();
      return addComment(client, projectId, taskId, body, idempotencyKey);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.comments(projectId, taskId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity(projectId) });
    },
  });
}
