import { inboxTable, outboxTable } from '@msp/platform';
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const projectSchema = pgSchema('projects');

export const projects = projectSchema.table(
  'projects',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    key: text('key').notNull(),
    description: text('description').notNull().default(''),
    plan: text('plan').notNull().default('free'),
    archived: boolean('archived').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    // Millisecond precision, like a JS Date: keyset cursors carry it exactly (microseconds would be lost).
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    // Keys are unique among live projects; a deleted project's key may be taken again.
    uniqueIndex('projects_key_live_idx')
      .on(table.key)
      .where(sql`${table.deletedAt} is null`),
    check('projects_key_format_check', sql`${table.key} ~ '^[A-Z][A-Z0-9]{1,9}$'`),
    check('projects_plan_check', sql`${table.plan} in ('free', 'pro', 'business')`),
  ],
);

export const members = projectSchema.table(
  'members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.userId] }),
    index('members_user_idx').on(table.userId, table.joinedAt),
    check('members_role_check', sql`${table.role} in ('owner', 'admin', 'member', 'viewer')`),
  ],
);

export const outbox = outboxTable(projectSchema);
export const inbox = inboxTable(projectSchema);
