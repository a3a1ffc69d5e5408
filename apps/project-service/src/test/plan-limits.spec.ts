import { migratedPglite, type TestDatabase } from '@msp/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitsOf } from '../billing/plans.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { projects, tasks } from '../db/schema.js';
import { billingHarness, type BillingHarness } from './billing-harness.js';
import { failure, type TestProject } from './project-harness.js';

// The plan's limits, enforced where members join and tasks are created.

let database: TestDatabase;
let h: BillingHarness;

beforeAll(async () => {
  database = await migratedPglite('projects', migrationsFolder);
  h = await billingHarness(database);
});
afterAll(() => database?.close());

/** Fills the project with live tasks up to `count` in one statement (creating them one by one proves nothing more). */
async function fillTasks(p: TestProject, count: number) {
  await h.db.execute(sql`
    insert into projects.tasks (id, project_id, number, title, created_by)
    select gen_random_uuid(), ${p.id}, n, 'filler', ${p.owner.userId}::uuid from generate_series(1, ${count}) as n`);
  await h.db
    .update(projects)
    .set({ nextTaskNumber: count + 1 })
    .where(eq(projects.id, p.id));
}

async function invitedAndAccepted(p: TestProject) {
  const joiner = await h.person();
  const invitation = await h.invitations.create(p.id, { email: joiner.email, role: 'member' }, p.owner.caller);
  const [event] = (await h.events('project.member.invited.v1')).filter((e) => e.data.invitationId === invitation.id);
  return h.invitations.accept(event!.data.token, joiner.caller);
}

describe('plan limits', () => {
  it('refuses a task beyond the plan’s limit with PLAN_LIMIT_REACHED, and takes it again once a task is deleted', async () => {
    const p = await h.project();
    const limit = limitsOf('free').tasks!;
    await fillTasks(p, limit - 1);
    const last = await h.tasks.create(p.id, { title: 'The last one' }, p.member.caller);
    expect(await failure(h.tasks.create(p.id, { title: 'One too many' }, p.member.caller))).toMatchObject({ code: 'PLAN_LIMIT_REACHED' });

    await h.tasks.delete(p.id, last.id, p.member.caller);
    await expect(h.tasks.create(p.id, { title: 'Room again' }, p.member.caller)).resolves.toMatchObject({ title: 'Room again' });
  });

  it('lets exactly the limit in when creations race for the last places', async () => {
    const p = await h.project();
    const limit = limitsOf('free').tasks!;
    await fillTasks(p, limit - 3);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => h.tasks.create(p.id, { title: `Race ${i}` }, p.member.caller)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    const [row] = await h.db
      .select({ live: sql<number>`count(*)::int` })
      .from(tasks)
      .where(sql`${tasks.projectId} = ${p.id} and ${tasks.deletedAt} is null`);
    expect(row!.live).toBe(limit);
  });

  it('lifts the task limit once the project is on a bigger plan', async () => {
    const p = await h.project();
    await fillTasks(p, limitsOf('free').tasks!);
    const { payment } = await h.checkout(p, 'business');
    await h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller);
    await expect(h.tasks.create(p.id, { title: 'Unlimited now' }, p.member.caller)).resolves.toMatchObject({ title: 'Unlimited now' });
  });

  it('refuses a member beyond the limit when they accept, and keeps the invitation for after an upgrade', async () => {
    const p = await h.project();
    const limit = limitsOf('free').members!;
    // The harness's project has an owner, an admin, a member and a viewer.
    for (let joined = 4; joined < limit; joined++) await invitedAndAccepted(p);
    const joiner = await h.person();
    const invitation = await h.invitations.create(p.id, { email: joiner.email, role: 'viewer' }, p.owner.caller);
    const token = (await h.events('project.member.invited.v1')).find((e) => e.data.invitationId === invitation.id)!.data.token;
    expect(await failure(h.invitations.accept(token, joiner.caller))).toMatchObject({ code: 'PLAN_LIMIT_REACHED' });

    const { payment } = await h.checkout(p, 'pro');
    await h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller);
    await expect(h.invitations.accept(token, joiner.caller)).resolves.toMatchObject({ id: p.id });
  });
});
