import { z } from 'zod';

export const dataExportResponse = z
  .looseObject({ exportedAt: z.iso.datetime().describe('ISO 8601, UTC') })
  .describe(
    'Everything the platform holds about the caller: `exportedAt`, then the sections of each service ' +
      '(e.g. `account` and `sessions` from auth, `profile` and `notificationPreferences` from user, ' +
      '`memberships`, `tasks` and `comments` from project, `emailRecipient`, `emailPreferences`, `notifications` and ' +
      '`emailDeliveries` from comms). Of notifications and emails the newest 1,000 each are included; their ' +
      '`truncated` flag says whether there are older ones',
  );
export type DataExportResponse = z.output<typeof dataExportResponse>;

/** One service's part of the export: its name (for errors) and the JSON it answered. */
export interface ExportPart {
  service: string;
  json: string;
}

/**
 * The services' sections side by side in one object; parts come owner first (auth, user, project, comms).
 * Services keep copies of each other's facts (the user service copies account facts from auth), so
 * a section two services answer is merged field by field, the owner's value kept. Sections that
 * cannot be merged are a contract breach: keeping one would silently drop data from the export.
 */
export function toDataExport(exportedAt: Date, parts: ExportPart[]): DataExportResponse {
  const sections: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(sectionsOf(part))) {
      if (name === 'exportedAt') throw new Error(`data export: ${part.service} answered the reserved section "exportedAt"`);
      sections[name] = merged(sections[name], value, `${part.service} section "${name}"`);
    }
  }
  return { exportedAt: exportedAt.toISOString(), ...sections };
}

function merged(held: unknown, added: unknown, what: string): unknown {
  if (added === null || added === undefined) return held ?? added;
  if (held === null || held === undefined) return added;
  if (isPlainObject(held) && isPlainObject(added)) return { ...added, ...held };
  throw new Error(`data export: ${what} collides with another service's section of another shape`);
}

function sectionsOf(part: ExportPart): Record<string, unknown> {
  const parsed: unknown = JSON.parse(part.json);
  if (!isPlainObject(parsed)) throw new Error(`data export: ${part.service} answered something other than a JSON object`);
  return parsed;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
