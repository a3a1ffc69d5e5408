import { inboxTable, outboxTable } from '@msp/platform';
import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const userSchema = pgSchema('users');

export const profiles = userSchema.table(
  'profiles',
  {
    userId: uuid('user_id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    locale: text('locale').notNull().default('en'),
    timezone: text('timezone').notNull().default('UTC'),
    avatarUrl: text('avatar_url'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('profiles_email_idx').on(table.email)],
);

/**
 * The user service's copy of account facts owned by the auth service (roles, status, email verified),
 * kept from auth events so the admin directory can filter and sort without calling auth. Events can
 * arrive out of order, so each fact remembers the time of the event that set it and only a newer
 * event replaces it. No foreign key to profiles: a fact must never be dropped because it arrived first.
 */
export const directory = userSchema.table(
  'directory',
  {
    userId: uuid('user_id').primaryKey(),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{customer}'::text[]`),
    status: text('status').notNull().default('active'),
    emailVerified: boolean('email_verified').notNull().default(false),
    // Millisecond precision, like a JS Date: keyset cursors carry it exactly.
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    /** Time of the event that set `status`; null while it is the default. */
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true, mode: 'date', precision: 3 }),
    /** Time of the event that set `roles`; null while they are the default. */
    rolesChangedAt: timestamp('roles_changed_at', { withTimezone: true, mode: 'date', precision: 3 }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    check('directory_status_check', sql`${table.status} in ('active', 'suspended', 'deleted')`),
    // The admin list pages by (created_at desc, user_id desc), with or without a status filter.
    index('directory_created_idx').on(table.createdAt, table.userId),
    index('directory_status_created_idx').on(table.status, table.createdAt, table.userId),
  ],
);

/**
 * Email notification choices per category, stored whole (the effective set after the last update).
 * Categories added later take their default until the user saves again.
 */
export const notificationPreferences = userSchema.table('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => profiles.userId, { onDelete: 'cascade' }),
  email: jsonb('email').$type<Record<string, boolean>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const outbox = outboxTable(userSchema);
export const inbox = inboxTable(userSchema);
