import { inboxTable, outboxTable } from '@msp/platform';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const commsSchema = pgSchema('comms');

/** Every email the platform sends, from queued to sent or failed: the delivery log. */
export const emailDeliveries = commsSchema.table(
  'email_deliveries',
  {
    id: uuid('id').primaryKey(),
    /** The event that caused it: at most one email per event and template. */
    eventId: uuid('event_id').notNull(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true, mode: 'date' }),
    // Millisecond precision, like a JS Date: keyset cursors carry it exactly (microseconds would be lost).
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    check('email_deliveries_status_check', sql`${table.status} in ('queued', 'sent', 'failed')`),
    index('email_deliveries_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} = 'queued'`),
    index('email_deliveries_created_idx').on(table.createdAt, table.id),
    uniqueIndex('email_deliveries_event_template_idx').on(table.eventId, table.template),
  ],
);

/**
 * Who the platform writes to, kept from auth events so sending never waits on another service. Auth
 * events carry the address; the name and language come from registration and are null until then.
 */
export const recipients = commsSchema.table(
  'recipients',
  {
    userId: uuid('user_id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    locale: text('locale'),
    /** Time of the newest event applied: an event older than that never overwrites what it holds. */
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  // Mail to an address rather than a user (an invitation) looks up whether someone there has an account.
  (table) => [index('recipients_email_idx').on(sql`lower(${table.email})`)],
);

export const outbox = outboxTable(commsSchema);
export const inbox = inboxTable(commsSchema);
