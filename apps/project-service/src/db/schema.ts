import { inboxTable, outboxTable } from '@msp/platform';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const projectSchema = pgSchema('projects');

/** Millisecond precision, like a JS Date: keyset cursors carry it exactly (microseconds would be lost). */
const keysetTime = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

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
    createdAt: keysetTime('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    deletedAt: instant('deleted_at'),
    // Task numbers come from this counter, taken with UPDATE … RETURNING in the creating transaction:
    // the row lock serializes concurrent creations, and a number once taken is never handed out again.
    nextTaskNumber: integer('next_task_number').notNull().default(1),
  },
  (table) => [
    // Keys are unique among live projects; a deleted project's key may be taken again.
    uniqueIndex('projects_key_live_idx')
      .on(table.key)
      .where(sql`${table.deletedAt} is null`),
    // The admin directory pages live projects newest first (keyset on created_at, id; read backwards).
    index('projects_live_created_idx')
      .on(table.createdAt, table.id)
      .where(sql`${table.deletedAt} is null`),
    check('projects_key_format_check', sql`${table.key} ~ '^[A-Z][A-Z0-9]{1,9}$'`),
    check('projects_plan_check', sql`${table.plan} in ('free', 'pro', 'business')`),
    check('projects_next_task_number_check', sql`${table.nextTaskNumber} >= 1`),
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
    joinedAt: instant('joined_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.userId] }),
    index('members_user_idx').on(table.userId, table.joinedAt),
    check('members_role_check', sql`${table.role} in ('owner', 'admin', 'member', 'viewer')`),
  ],
);

/**
 * What this service knows of each user, from auth and user events: member lists show names and
 * addresses, and an invitation is accepted only by the user whose address it was sent to. A deleted
 * account keeps a tombstone (no email, no name) so a late profile event cannot bring the data back.
 */
export const people = projectSchema.table(
  'people',
  {
    userId: uuid('user_id').primaryKey(),
    // Normalized (trimmed, lower case), as invitations store it.
    email: text('email'),
    displayName: text('display_name'),
    // The time of the newest event applied: an older event never overwrites a newer fact.
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (table) => [index('people_email_idx').on(table.email)],
);

export const invitations = projectSchema.table(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    // SHA-256 of the single-use token; the raw token exists only in the invitation email.
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: keysetTime('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    acceptedBy: uuid('accepted_by'),
    revokedAt: instant('revoked_at'),
  },
  (table) => [
    // At most one pending invitation per address and project: a new one replaces (revokes) the old.
    uniqueIndex('invitations_pending_email_idx')
      .on(table.projectId, table.email)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
    check('invitations_role_check', sql`${table.role} in ('admin', 'member', 'viewer')`),
  ],
);

export const tasks = projectSchema.table(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('todo'),
    priority: text('priority').notNull().default('none'),
    assigneeId: uuid('assignee_id'),
    dueDate: date('due_date', { mode: 'string' }),
    labels: text('labels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: keysetTime('created_at').notNull().defaultNow(),
    updatedAt: keysetTime('updated_at').notNull().defaultNow(),
    deletedAt: instant('deleted_at'),
    // The 'simple' configuration (no stemming, no stop words) because titles are written in any
    // language; search matches word prefixes instead. Generated, so it can never be out of date.
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, title || ' ' || description)`),
  },
  (table) => [
    // Numbers are per project and unique even among deleted tasks: a number is never reused.
    uniqueIndex('tasks_project_number_idx').on(table.projectId, table.number),
    // The list's keyset order (created_at desc, id desc: these ascending indexes scanned backwards),
    // plain and per filter.
    index('tasks_project_keyset_idx')
      .on(table.projectId, table.createdAt, table.id)
      .where(sql`${table.deletedAt} is null`),
    index('tasks_project_status_keyset_idx')
      .on(table.projectId, table.status, table.createdAt, table.id)
      .where(sql`${table.deletedAt} is null`),
    index('tasks_project_assignee_keyset_idx')
      .on(table.projectId, table.assigneeId, table.createdAt, table.id)
      .where(sql`${table.deletedAt} is null`),
    index('tasks_search_idx').using('gin', table.search),
    // Data export and account deletion find a user's tasks across projects.
    index('tasks_assignee_idx').on(table.assigneeId),
    index('tasks_created_by_idx').on(table.createdBy),
    check('tasks_status_check', sql`${table.status} in ('backlog', 'todo', 'in_progress', 'done', 'cancelled')`),
    check('tasks_priority_check', sql`${table.priority} in ('none', 'low', 'medium', 'high', 'urgent')`),
    check('tasks_title_check', sql`char_length(${table.title}) between 1 and 200`),
    check('tasks_version_check', sql`${table.version} >= 1`),
  ],
);

export const comments = projectSchema.table(
  'comments',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: keysetTime('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('comments_task_keyset_idx').on(table.taskId, table.createdAt, table.id),
    index('comments_author_idx').on(table.authorId),
  ],
);

export const activity = projectSchema.table(
  'activity',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').notNull(),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: keysetTime('created_at').notNull().defaultNow(),
  },
  (table) => [index('activity_project_keyset_idx').on(table.projectId, table.createdAt, table.id)],
);

/** Statuses of a payment that may still change at the gateway: at most one of them per project. */
const activePayment = sql`status in ('pending', 'processing', 'unknown')`;
const money = (name: string) => bigint(name, { mode: 'number' });

/**
 * The payments ledger. A row is committed before the gateway is called, with the idempotency key of
 * that call (`gateway_key`), so a crash or timeout after the call can always be settled: the key
 * replays the call, and the payment id in the intent's metadata finds it. Statuses only move forward
 * (see billing/payment-status.ts); `unknown` is a call whose outcome was not seen.
 */
export const payments = projectSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey(),
    // No cascade: payments are financial records and outlive anything done to the project.
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    planId: text('plan_id').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull().default('pending'),
    failureReason: text('failure_reason'),
    refundedAmount: money('refunded_amount').notNull().default(0),
    receiptNumber: text('receipt_number').unique(),
    payerId: uuid('payer_id').notNull(),
    // The client's Idempotency-Key and a digest of what it was sent with: same key, same payment.
    idempotencyKey: text('idempotency_key'),
    requestDigest: text('request_digest').notNull(),
    // The key of the intent's creation at the gateway, `checkout:<id>`, reused on every retry.
    gatewayKey: text('gateway_key').notNull().unique(),
    intentId: text('intent_id').unique(),
    clientSecret: text('client_secret'),
    // The confirmation in flight: its payment method, and the attempt number in its idempotency key.
    confirmMethod: text('confirm_method'),
    confirmAttempt: integer('confirm_attempt').notNull().default(0),
    // The project's plan before this payment changed it: what a full refund returns it to.
    previousPlan: text('previous_plan'),
    createdAt: keysetTime('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    // When the reconciler last looked at the gateway for this payment without finding a change.
    checkedAt: instant('checked_at'),
  },
  (table) => [
    // One payment intent per payable: a second checkout cannot start while one may still move money.
    uniqueIndex('payments_one_active_per_project_idx').on(table.projectId).where(activePayment),
    uniqueIndex('payments_idempotency_key_idx')
      .on(table.payerId, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
    index('payments_project_keyset_idx').on(table.projectId, table.createdAt, table.id),
    index('payments_keyset_idx').on(table.createdAt, table.id),
    index('payments_status_keyset_idx').on(table.status, table.createdAt, table.id),
    index('payments_reconcile_idx').on(table.updatedAt).where(activePayment),
    check('payments_status_check', sql`${table.status} in ('pending', 'processing', 'succeeded', 'failed', 'refunded', 'unknown')`),
    check('payments_plan_check', sql`${table.planId} in ('pro', 'business')`),
    check('payments_currency_check', sql`${table.currency} ~ '^[a-z]{3}$'`),
    check('payments_amount_check', sql`${table.amount} > 0`),
    // Never more refunded than captured; fully refunded exactly when the status says so.
    check('payments_refunded_amount_check', sql`${table.refundedAmount} between 0 and ${table.amount}`),
    check('payments_refunded_status_check', sql`(${table.status} = 'refunded') = (${table.refundedAmount} = ${table.amount})`),
    check('payments_refund_needs_capture_check', sql`${table.refundedAmount} = 0 or ${table.status} in ('succeeded', 'refunded')`),
    // Every captured payment has its receipt, and only those.
    check('payments_receipt_check', sql`(${table.status} in ('succeeded', 'refunded')) = (${table.receiptNumber} is not null)`),
  ],
);

/** Refunds of payments, written before the gateway is called just like payments (`refund:<id>`). */
export const refunds = projectSchema.table(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amount: money('amount').notNull(),
    status: text('status').notNull().default('pending'),
    failureReason: text('failure_reason'),
    // The administrator who asked; null for a refund made at the gateway directly (its dashboard).
    requestedBy: uuid('requested_by'),
    idempotencyKey: text('idempotency_key'),
    requestDigest: text('request_digest'),
    gatewayKey: text('gateway_key').unique(),
    gatewayRefundId: text('gateway_refund_id').unique(),
    createdAt: keysetTime('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('refunds_idempotency_key_idx')
      .on(table.requestedBy, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
    index('refunds_payment_idx').on(table.paymentId, table.createdAt),
    index('refunds_pending_idx')
      .on(table.updatedAt)
      .where(sql`${table.status} = 'pending'`),
    check('refunds_status_check', sql`${table.status} in ('pending', 'succeeded', 'failed')`),
    check('refunds_amount_check', sql`${table.amount} > 0`),
  ],
);

/**
 * The gateway's webhook events already applied, by event id: recorded in the transaction of their
 * effect, so a duplicate or replayed delivery finds its id and changes nothing.
 */
export const processedWebhooks = projectSchema.table('processed_webhooks', {
  eventId: text('event_id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: instant('received_at').notNull().defaultNow(),
});

/**
 * Receipt numbers per year, taken with an upsert in the transaction of the payment's success: the row
 * lock serializes them and a rollback gives the number back, so receipts are numbered without gaps.
 */
export const receiptCounters = projectSchema.table('receipt_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const outbox = outboxTable(projectSchema);
export const inbox = inboxTable(projectSchema);
