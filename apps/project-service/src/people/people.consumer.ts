import type { Envelope } from '@msp/events';
import { EVENT_BUS, type EventBus, type Inbox } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { MembershipKey } from '../access/membership-cache.js';
import { ProjectAccess } from '../access/project-access.js';
import { AccountDeletion } from './account-deletion.js';
import { PeopleRepository } from './people.repository.js';

export const PROJECT_INBOX = Symbol('ProjectInbox');
/** The project service's durable queue: its replicas compete for its messages. */
export const PROJECT_QUEUE = 'project';

export const CONSUMED_EVENTS = ['auth.user.registered.v1', 'user.profile.updated.v1', 'auth.user.deleted.v1'] as const;
type ConsumedEvent = (typeof CONSUMED_EVENTS)[number];
/** One envelope per type, so a switch on `type` knows the payload. */
type ConsumedEnvelope = { [T in ConsumedEvent]: Envelope<T> }[ConsumedEvent];

/**
 * Keeps `people` (names and addresses for member lists and invitations) from auth and user events,
 * and applies account deletions to projects. Each event is applied once (inbox), in one transaction
 * with its effect, and acknowledged only after that commit.
 */
@Injectable()
export class PeopleConsumer {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(PROJECT_INBOX) private readonly inbox: Inbox,
    private readonly people: PeopleRepository,
    private readonly deletion: AccountDeletion,
    private readonly access: ProjectAccess,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe({ queue: PROJECT_QUEUE, events: [...CONSUMED_EVENTS], handler: (event) => this.handle(event) });
  }

  async handle(event: Envelope): Promise<void> {
    if (!isConsumed(event)) return;
    const at = new Date(event.time);
    let changed: MembershipKey[] = [];
    await this.inbox.processOnce(event.id, async (tx, events) => {
      switch (event.type) {
        case 'auth.user.registered.v1':
        case 'user.profile.updated.v1': {
          const { userId, email, displayName } = event.data;
          await this.people.remember({ userId, email, displayName, at }, tx);
          return;
        }
        case 'auth.user.deleted.v1':
          changed = await this.deletion.removeMemberships(event.data.userId, tx, events);
          await this.people.forget(event.data.userId, at, tx);
          return;
      }
    });
    await this.access.forget(changed);
  }
}

function isConsumed(event: Envelope): event is ConsumedEnvelope {
  return (CONSUMED_EVENTS as readonly string[]).includes(event.type);
}
