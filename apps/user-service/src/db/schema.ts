import { inboxTable, outboxTable } from '@msp/platform';
import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

export const outbox = outboxTable(userSchema);
export const inbox = inboxTable(userSchema);
