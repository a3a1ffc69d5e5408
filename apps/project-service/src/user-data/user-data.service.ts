import type { Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/validation.js';
import { PeopleRepository } from '../people/people.repository.js';
import { UserDataError } from './user-data.errors.js';
import { UserDataRepository } from './user-data.repository.js';

/** The platform role of administrators (from the auth service's token), not a project role. */
const PLATFORM_ADMIN = 'admin';

export interface UserStats {
  projectsCount: number;
}

@Injectable()
export class UserDataService {
  constructor(
    private readonly data: UserDataRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** The caller's part of their data export: what this service holds about them, as JSON. */
  async export(caller: Caller | undefined): Promise<string> {
    const { userId } = signedIn(caller);
    const [person, memberships, tasks, comments] = await Promise.all([
      this.people.find(userId),
      this.data.memberships(userId),
      this.data.tasks(userId),
      this.data.comments(userId),
    ]);
    return JSON.stringify({
      person: person ? { email: person.email, displayName: person.displayName } : null,
      memberships,
      tasks,
      comments,
    });
  }

  /** Platform admins only: this is the admin user detail, where admins may see across projects. */
  async stats(userId: string, caller: Caller | undefined): Promise<UserStats> {
    if (!signedIn(caller).roles.includes(PLATFORM_ADMIN)) throw new UserDataError('FORBIDDEN', 'This is for platform administrators.');
    if (!isUuid(userId))
      throw new UserDataError('VALIDATION_FAILED', 'The user id is invalid.', [{ path: 'userId', message: 'must be a user id' }]);
    return { projectsCount: await this.data.countProjects(userId) };
  }
}

function signedIn(caller: Caller | undefined): Caller {
  if (!caller) throw new UserDataError('UNAUTHENTICATED', 'Sign in first.');
  return caller;
}
