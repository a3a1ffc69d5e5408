import type { projectV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, pageOf, timestamp } from '../http/common.dto.js';

export const createCommentBody = z.strictObject({
  // Not trimmed: leading spaces can be Markdown (an indented code block).
  body: z.string().max(10_000).regex(/\S/, 'must not be blank').describe('Markdown'),
});
export type CreateCommentBody = z.output<typeof createCommentBody>;

export const commentResponse = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  body: z.string(),
  createdAt: timestamp,
});
export type CommentResponse = z.output<typeof commentResponse>;

export const commentPage = pageOf(commentResponse);
export type CommentPage = z.output<typeof commentPage>;

export function toComment(comment: projectV1.Comment | undefined): CommentResponse {
  if (!comment) throw new Error('project service answered without the comment');
  return {
    id: comment.id,
    authorId: comment.authorId,
    body: comment.body,
    createdAt: isoOf(comment.createdAt, 'comment.createdAt'),
  };
}

export function toCommentPage(response: projectV1.ListCommentsResponse): CommentPage {
  return { items: response.items.map(toComment), nextCursor: emptyToNull(response.nextCursor) };
}
