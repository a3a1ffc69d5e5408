import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { members, processedWebhooks, projects, receiptCounters, tasks } from '../db/schema.js';

export interface ProjectPlan {
  name: string;
  plan: string;
}

/**
 * What billing reads and writes outside its own ledger: a project's plan and name, what the plan's
 * limits count, receipt numbers and the record of applied webhooks.
 */
@Injectable()
export class BillingProjectsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** The plan of a project, deleted ones included (a payment still settles after a deletion). */
  async planOf(projectId: string, tx: Db = this.db): Promise<ProjectPlan | undefined> {
    const rows = await tx.select({ name: projects.name, plan: projects.plan }).from(projects).where(eq(projects.id, projectId));
    return rows[0];
  }

  /** Locks the project's row (after the payment's: always in that order) and reads its plan. */
  async lockPlan(projectId: string, tx: Db): Promise<ProjectPlan | undefined> {
    const rows = await tx
      .select({ name: projects.name, plan: projects.plan })
      .from(projects)
      .where(eq(projects.id, projectId))
      .for('update');
    return rows[0];
  }

  async setPlan(projectId: string, plan: string, tx: Db): Promise<void> {
    await tx
      .update(projects)
      .set({ plan, updatedAt: sql`now()` })
      .where(eq(projects.id, projectId));
  }

  /** Live tasks, counted up to `cap` only: enough to compare with a limit, however big the project. */
  async countLiveTasks(projectId: string, cap: number, tx: Db): Promise<number> {
    const capped = tx
      .select({ one: sql`1` })
      .from(tasks)
      .where(and(eq(tasks.projectId, projectId), isNull(tasks.deletedAt)))
      .limit(cap)
      .as('capped');
    const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(capped);
    return row?.count ?? 0;
  }

  async countMembers(projectId: string, tx: Db): Promise<number> {
    const [row] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(members)
      .where(eq(members.projectId, projectId));
    return row?.count ?? 0;
  }

  async isMember(projectId: string, userId: string, tx: Db): Promise<boolean> {
    const rows = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId)));
    return rows.length > 0;
  }

  /** The next receipt number of the year, e.g. `R-2026-000042`; gapless, as a rollback returns it. */
  async nextReceiptNumber(year: number, tx: Db): Promise<string> {
    const [row] = await tx
      .insert(receiptCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: receiptCounters.year, set: { last: sql`${receiptCounters.last} + 1` } })
      .returning({ last: receiptCounters.last });
    return `R-${year}-${String(row!.last).padStart(6, '0')}`;
  }

  /** Records a webhook event as applied; false when it had been (a duplicate delivery). */
  async recordWebhook(eventId: string, type: string, tx: Db): Promise<boolean> {
    const inserted = await tx
      .insert(processedWebhooks)
      .values({ eventId, type })
      .onConflictDoNothing()
      .returning({ eventId: processedWebhooks.eventId });
    return inserted.length > 0;
  }
}
