import { fill } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import type { ActivityEntry } from './api/projects';

// One activity entry as a sentence in the user's language: "Ada moved WEB-3 from To do to Done". Unknown
// actions (a newer service) still read sensibly, as "<actor> <action> <subject>".

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function describeActivity(
  entry: ActivityEntry,
  m: Messages['workspace'],
  names: ReadonlyMap<string, string>,
  someone: string,
): { actor: string; text: string } {
  const actor = names.get(entry.actorId) ?? someone;
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const actions = m.activity.actions as Readonly<Record<string, string>>;
  const template = actions[entry.action];
  if (!template) return { actor, text: fill(m.activity.other, { action: entry.action, subject: entry.subject }) };

  const label = (value: unknown) => {
    const raw = text(value);
    return (m.status as Readonly<Record<string, string>>)[raw] ?? (m.role as Readonly<Record<string, string>>)[raw] ?? raw;
  };
  const fieldNames: Readonly<Record<string, string>> = {
    title: m.tasks.title,
    description: m.tasks.description,
    status: m.tasks.status,
    priority: m.tasks.priority,
    assigneeId: m.tasks.assignee,
    dueDate: m.tasks.dueDate,
    labels: m.tasks.labels,
  };
  const changed = Array.isArray(data.changed)
    ? data.changed
        .map(text)
        .filter(Boolean)
        .map((field) => fieldNames[field] ?? field)
        .join(', ')
    : '';
  return {
    actor,
    text: fill(template, { subject: entry.subject, from: label(data.from), to: label(data.to), fields: changed || entry.subject }),
  };
}
