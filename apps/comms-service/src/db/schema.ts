import { inboxTable, outboxTable } from '@msp/platform';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const commsSchema = pgSchema('comms');

/** Every email the platform sends, from queued to sent or failed: the delivery log. */
export const emailDeliveries = commsSchema.table(
  'email_deliveries',
  {
    id: uuid('id').primaryKey(),
    /** The event that caused it: at most one email per event and template. Null for an admin's resend. */
    eventId: uuid('event_id'),
    /** The logged delivery an administrator resent; set exactly when there is no event. */
    resentFrom: uuid('resent_from').references((): AnyPgColumn => emailDeliveries.id),
    /**
     * The account it was written to; null for mail to an address without one, and for deliveries
     * logged before this was recorded (those are found by address). Kept when the account is deleted:
     * the id then names nobody.
     */
    userId: uuid('user_id'),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** The RFC 8058 one-click address (`List-Unsubscribe`); null for security emails and mail to non-users. */
    unsubscribeUrl: text('unsubscribe_url'),
    /** W3C traceparent of the work that queued it (the event's consumer), so the send joins that trace. */
    traceparent: text('traceparent'),
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
    check('email_deliveries_cause_check', sql`(${table.eventId} is null) <> (${table.resentFrom} is null)`),
    index('email_deliveries_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} = 'queued'`),
    index('email_deliveries_created_idx').on(table.createdAt, table.id),
    uniqueIndex('email_deliveries_event_template_idx').on(table.eventId, table.template),
    // A user's deliveries, for their data export and their account's deletion: by account, or by address.
    index('email_deliveries_user_idx').on(table.userId),
    index('email_deliveries_to_address_idx').on(sql`lower(${table.toAddress})`),
  ],
);

/**
 * Who the platform writes to, kept from auth events so sending never waits on another service. Auth
 * events carry the address; the name and language come from registration and are null until then.
 * A deleted account leaves a tombstone (no address, no name): no event arriving later brings it back.
 */
export const recipients = commsSchema.table(
  'recipients',
  {
    userId: uuid('user_id').primaryKey(),
    /** Null exactly for a deleted account's tombstone. */
    email: text('email'),
    displayName: text('display_name'),
    locale: text('locale'),
    /** Time of the newest event applied: an event older than that never overwrites what it holds. */
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    /** When the account was deleted (the `auth.user.deleted.v1` event's time). */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (table) => [
    // Mail to an address rather than a user (an invitation) looks up whether someone there has an account.
    index('recipients_email_idx').on(sql`lower(${table.email})`),
    check('recipients_tombstone_check', sql`(${table.deletedAt} is null) = (${table.email} is not null)`),
  ],
);

/**
 * Each user's email switches per category, copied from `user.preferences.updated.v1` (the user service
 * owns them) and from unsubscribes, which take effect here at once. No row: every category is on.
 */
export const emailPreferences = commsSchema.table('email_preferences', {
  userId: uuid('user_id').primaryKey(),
  /** Category → on/off, as the user service publishes it; a category it does not name is on. */
  email: jsonb('email').$type<Record<string, boolean>>().notNull(),
  /** Time of the newest choice applied: an older event never overwrites a newer choice. */
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});

/**
 * Unsubscribe links: one random token per email, stored only as its SHA-256. A token may be used any
 * number of times until it expires; it names the user and the category its email belonged to.
 */
export const unsubscribeTokens = commsSchema.table(
  'unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    category: text('category').notNull(),
    /** The address the email went to, for the confirmation page. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (table) => [
    // Security emails cannot be turned off, so no link may ever name that category.
    check('unsubscribe_tokens_category_check', sql`${table.category} <> 'security'`),
    index('unsubscribe_tokens_user_idx').on(table.userId, table.expiresAt),
  ],
);

/**
 * Addresses that hard-bounced (a 5xx reply to RCPT TO): mail to them fails without contacting SMTP,
 * to protect the sender's reputation, until the address is verified again.
 */
export const suppressedAddresses = commsSchema.table(
  'suppressed_addresses',
  {
    /** Lower-cased: addresses compare case-insensitively. */
    address: text('address').primaryKey(),
    /** The SMTP reply that bounced. */
    reason: text('reason').notNull(),
    deliveryId: uuid('delivery_id').references(() => emailDeliveries.id),
    suppressedAt: timestamp('suppressed_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (table) => [check('suppressed_addresses_lower_check', sql`${table.address} = lower(${table.address})`)],
);

/** Each user's in-app notification inbox. */
export const notifications = commsSchema.table(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    /** The event that caused it: at most one notification per event and user. */
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path in the web app, e.g. /projects/<id>/tasks/WEB-42; empty when there is nowhere to go. */
    link: text('link').notNull().default(''),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date', precision: 3 }),
    // Millisecond precision, like a JS Date: keyset cursors carry it exactly.
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('notifications_event_user_idx').on(table.eventId, table.userId),
    index('notifications_user_created_idx').on(table.userId, table.createdAt, table.id),
    index('notifications_unread_idx')
      .on(table.userId)
      .where(sql`${table.readAt} is null`),
  ],
);

export const outbox = outboxTable(commsSchema);
export const inbox = inboxTable(commsSchema);
