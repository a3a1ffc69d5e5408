import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ProblemException, ValidationError } from '../http/problem.js';
import type { TaskResponse } from './tasks.dto.js';

/**
 * `If-Match` carries the ETag a client read: `"3"` as sent back from ETag, or a bare `3`. A weak
 * (`W/"3"`) or wildcard (`*`) tag cannot protect a write, so it is refused rather than ignored.
 */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(?:"\d{1,9}"|\d{1,9})$/, 'must be the task version from its ETag, e.g. "3"')
    .transform((tag) => Number(tag.replaceAll('"', '')))
    .optional()
    .describe('The task version the change is based on (its ETag); or send `version` in the body'),
});
export type IfMatchHeaders = z.output<typeof ifMatchHeaders>;

/**
 * The version a change is based on. Without one, a client would silently overwrite whatever
 * another wrote since it read the task, so the request is refused (428) instead of guessed.
 */
export function expectedVersionOf(headers: IfMatchHeaders, bodyVersion: number | undefined): number {
  const fromHeader = headers['if-match'];
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new ValidationError([{ path: 'version', message: 'must equal the version in If-Match' }]);
  }
  const version = fromHeader ?? bodyVersion;
  if (version === undefined) {
    throw new ProblemException(
      428,
      'PRECONDITION_REQUIRED',
      'Send the task version you read as If-Match (its ETag) or as `version`, so a concurrent change is not overwritten.',
    );
  }
  return version;
}

/** Sets the task's ETag (its version), which a client sends back as If-Match, and passes the task on. */
export function withEtag(reply: FastifyReply, task: TaskResponse): TaskResponse {
  void reply.header('etag', `"${task.version}"`);
  return task;
}
