import { randomUUID } from 'node:crypto';
import { createEnvelope, type Envelope, type EventType } from '@msp/events';
import { createLogger, Inbox, MemoryCache, UnitOfWork, type Caller, type Db } from '@msp/platform';
import type { TestDatabase } from '@msp/testing';
import { asc, eq } from 'drizzle-orm';
import { MembershipCache } from '../access/membership-cache.js';
import { ProjectReadGenerations, projectReadCacheOf } from '../access/project-read-generations.js';
import { MembershipRepository } from '../access/membership.repository.js';
import { ProjectAccess } from '../access/project-access.js';
import type { ProjectRole } from '../access/project-roles.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { ActivityService } from '../activity/activity.service.js';
import { BillingProjectsRepository } from '../billing/billing-projects.repository.js';
import { PlanLimits } from '../billing/plan-limits.js';
import { CommentsRepository } from '../comments/comments.repository.js';
import { CommentsService } from '../comments/comments.service.js';
import { activity, inbox, outbox } from '../db/schema.js';
import { InvitationsRepository } from '../invitations/invitations.repository.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { MembersRepository } from '../members/members.repository.js';
import { MembersService } from '../members/members.service.js';
import { AccountDeletion } from '../people/account-deletion.js';
import { PeopleConsumer, PROJECT_QUEUE } from '../people/people.consumer.js';
import { PeopleRepository } from '../people/people.repository.js';
import { ProjectsRepository } from '../projects/projects.repository.js';
import { ProjectsService } from '../projects/projects.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { TasksService } from '../tasks/tasks.service.js';
import { UserDataRepository } from '../user-data/user-data.repository.js';
import { UserDataService } from '../user-data/user-data.service.js';

export interface TestPerson {
  userId: string;
  email: string;
  displayName: string;
  caller: Caller;
}

/** A project with one person in each role, and one who is not a member. */
export interface TestProject {
  id: string;
  key: string;
  owner: TestPerson;
  admin: TestPerson;
  member: TestPerson;
  viewer: TestPerson;
  outsider: TestPerson;
}

export type Harness = Awaited<ReturnType<typeof projectHarness>>;

const logger = createLogger('project-service-test', 'silent');

/**
 * The project service's features wired as the Nest module wires them, on a migrated test database
 * (PGlite or PostgreSQL), with the real unit of work and outbox and an in-memory cache. Tests drive the
 * services and read the committed outbox and activity, as other services and users would see them.
 */
export async function projectHarness(database: TestDatabase) {
  const { db } = database;
  const cache = new MemoryCache();
  const unitOfWork = new UnitOfWork(db, outbox, 'project');
  const repositories = {
    membership: new MembershipRepository(db),
    activity: new ActivityRepository(db),
    comments: new CommentsRepository(db),
    invitations: new InvitationsRepository(db),
    members: new MembersRepository(db),
    people: new PeopleRepository(db),
    projects: new ProjectsRepository(db),
    tasks: new TasksRepository(db),
    userData: new UserDataRepository(db),
  };
  const r = repositories;
  const projectReads = projectReadCacheOf(cache);
  const access = new ProjectAccess(r.membership, new MembershipCache(cache, logger), new ProjectReadGenerations(projectReads, logger));
  const planLimits = new PlanLimits(new BillingProjectsRepository(db));
  const services = {
    access,
    projects: new ProjectsService(r.projects, access, r.members, r.activity, unitOfWork),
    members: new MembersService(access, r.members, r.tasks, r.activity, unitOfWork),
    invitations: new InvitationsService(access, r.invitations, r.members, r.people, r.projects, r.activity, unitOfWork, planLimits),
    tasks: new TasksService(access, r.tasks, r.membership, r.people, r.activity, unitOfWork, planLimits),
    comments: new CommentsService(access, r.tasks, r.comments, r.activity, unitOfWork),
    activity: new ActivityService(access, r.activity),
    userData: new UserDataService(r.userData, r.people),
  };
  const deletion = new AccountDeletion(r.membership, r.members, r.projects, r.tasks, r.activity);
  const bus = { subscribe: async () => {} } as never;
  const consumer = new PeopleConsumer(bus, new Inbox(unitOfWork, inbox, PROJECT_QUEUE), r.people, deletion, access);

  /** An event as the bus would deliver it to the project queue. */
  function event<T extends EventType>(type: T, data: Envelope<T>['data'], time?: string): Envelope<T> {
    const envelope = createEnvelope({ type, source: 'test', subject: randomUUID(), data });
    return time ? { ...envelope, time } : envelope;
  }

  /** Someone who signed up: the project service learns of them from auth's event. */
  async function person(roles: string[] = ['customer']): Promise<TestPerson> {
    const userId = randomUUID();
    const email = `person-${userId.slice(0, 8)}@example.test`;
    const displayName = `Person ${userId.slice(0, 4)}`;
    await consumer.handle(event('auth.user.registered.v1', { userId, email, displayName, locale: 'en' }));
    return { userId, email, displayName, caller: { userId, sessionId: randomUUID(), roles } };
  }

  /** Joins after everyone added before (a later `joined_at`, which "longest-standing" rules read). */
  async function addMember(projectId: string, userId: string, role: ProjectRole): Promise<void> {
    await nextMillisecond();
    await unitOfWork.run((tx) => r.members.add(projectId, userId, role, tx));
  }

  async function project(): Promise<TestProject> {
    const [owner, admin, member, viewer, outsider] = await Promise.all([person(), person(), person(), person(), person()]);
    const key = `T${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;
    const created = await services.projects.create({ name: `Project ${key}`, key, description: '' }, owner.caller);
    await addMember(created.id, admin.userId, 'admin');
    await addMember(created.id, member.userId, 'member');
    await addMember(created.id, viewer.userId, 'viewer');
    return { id: created.id, key, owner, admin, member, viewer, outsider };
  }

  /** The committed events of a type, oldest first. */
  async function events<T extends EventType>(type: T): Promise<Envelope<T>[]> {
    const rows = await db.select({ envelope: outbox.envelope }).from(outbox).where(eq(outbox.type, type)).orderBy(asc(outbox.seq));
    return rows.map((row) => row.envelope as Envelope<T>);
  }

  /** The project's activity log, oldest first. */
  async function activityOf(projectId: string) {
    return db
      .select({ actorId: activity.actorId, action: activity.action, subject: activity.subject, data: activity.data })
      .from(activity)
      .where(eq(activity.projectId, projectId))
      .orderBy(asc(activity.createdAt), asc(activity.id));
  }

  /** Runs work in a transaction of its own, for setting up states the services would refuse. */
  function inTransaction<R>(work: (tx: Db) => Promise<R>): Promise<R> {
    return unitOfWork.run((tx) => work(tx));
  }

  return {
    db,
    cache,
    unitOfWork,
    repositories,
    ...services,
    consumer,
    event,
    person,
    addMember,
    project,
    events,
    activityOf,
    inTransaction,
  };
}

/**
 * Waits past the current millisecond. Lists order by creation time (milliseconds) and break ties by
 * random id, so tests that assert an order of rows made one after the other wait between them.
 */
export function nextMillisecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2));
}

/** The rejection of a promise that must reject, for assertions on its code and fields. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; fields: Array<{ path: string; message: string }> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; fields: Array<{ path: string; message: string }> };
  }
  throw new Error('expected a failure, but it succeeded');
}
