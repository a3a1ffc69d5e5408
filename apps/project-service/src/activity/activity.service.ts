import { pageSize, toPage, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { ProjectAccess } from '../access/project-access.js';
import { cursorPosition } from '../common/validation.js';
import { ActivityError } from './activity.errors.js';
import { ActivityRepository, type ActivityEntry } from './activity.repository.js';

export interface ActivityPage {
  items: ActivityEntry[];
  nextCursor: string;
}

/** The project's log; every feature writes its entries in the transaction of its change. */
@Injectable()
export class ActivityService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly activity: ActivityRepository,
  ) {}

  async list(projectId: string, caller: Caller | undefined, limit: number, cursor: string): Promise<ActivityPage> {
    // Everyone in the project: viewers read everything, the log of who changed what included.
    await this.access.require(projectId, caller, 'viewer');
    const after = cursorPosition(cursor, (fields) => new ActivityError('VALIDATION_FAILED', 'The cursor is invalid.', fields));
    const size = pageSize(limit);
    return toPage(await this.activity.list(projectId, size + 1, after), size);
  }
}
