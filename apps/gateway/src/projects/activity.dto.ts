import type { projectV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, pageOf, timestamp } from '../http/common.dto.js';

export const activityEntryResponse = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  action: z.string().describe('e.g. task.created, task.status_changed, member.invited'),
  subject: z.string().describe('What it happened to, e.g. WEB-42 or a user id'),
  data: z.record(z.string(), z.unknown()).describe('Details of the change; their fields depend on the action'),
  createdAt: timestamp,
});
export type ActivityEntryResponse = z.output<typeof activityEntryResponse>;

export const activityPage = pageOf(activityEntryResponse);
export type ActivityPage = z.output<typeof activityPage>;

function toActivityEntry(entry: projectV1.ActivityEntry): ActivityEntryResponse {
  return {
    id: entry.id,
    actorId: entry.actorId,
    action: entry.action,
    subject: entry.subject,
    data: dataOf(entry),
    createdAt: isoOf(entry.createdAt, 'activity.createdAt'),
  };
}

export function toActivityPage(response: projectV1.ListActivityResponse): ActivityPage {
  return { items: response.items.map(toActivityEntry), nextCursor: emptyToNull(response.nextCursor) };
}

/** The service sends details as JSON text (proto has no free-form objects); clients get the object. */
function dataOf(entry: projectV1.ActivityEntry): Record<string, unknown> {
  if (entry.dataJson === '') return {};
  const data: unknown = JSON.parse(entry.dataJson);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`project service answered activity ${entry.id} with data that is not a JSON object`);
  }
  return data as Record<string, unknown>;
}
