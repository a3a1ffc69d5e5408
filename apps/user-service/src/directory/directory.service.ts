import { decodeCursor, pageSize, toPage, type Caller, type FieldProblem } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../ids.js';
import { ProfilesRepository, type ProfileRow } from '../profiles/profiles.repository.js';
import { DirectoryError } from './directory.errors.js';
import {
  ACCOUNT_ROLES,
  ACCOUNT_STATUSES,
  DirectoryRepository,
  type AccountStatus,
  type DirectoryFilter,
  type UserSummaryRow,
} from './directory.repository.js';

const MAX_QUERY = 200;

export interface ListUsersQuery {
  q: string;
  status: string;
  role: string;
  limit: number;
  cursor: string;
}

/** The platform administrators' view of all users: search, filter, page, and one user in full. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly profiles: ProfilesRepository,
  ) {}

  async list(caller: Caller | undefined, query: ListUsersQuery): Promise<{ items: UserSummaryRow[]; nextCursor: string }> {
    requireAdmin(caller);
    const { filter, after } = parseQuery(query);
    const size = pageSize(query.limit);
    return toPage(await this.directory.list(filter, size + 1, after), size);
  }

  /** The user's summary and profile, read from the database (an admin must see the current state). */
  async get(caller: Caller | undefined, userId: string): Promise<{ user: UserSummaryRow; profile: ProfileRow }> {
    requireAdmin(caller);
    if (!isUuid(userId)) throw notFound();
    const [user, profile] = await Promise.all([this.directory.findSummary(userId), this.profiles.findById(userId)]);
    if (!user || !profile) throw notFound();
    return { user, profile };
  }
}

function requireAdmin(caller: Caller | undefined): void {
  if (!caller) throw new DirectoryError('UNAUTHENTICATED', 'Sign in first.');
  if (!caller.roles.includes('admin')) throw new DirectoryError('FORBIDDEN', 'Only platform administrators can manage users.');
}

function notFound(): DirectoryError {
  return new DirectoryError('USER_NOT_FOUND', 'No such user.');
}

/** Empty strings are "no filter" (proto3 has no absent string); anything else must be a known value. */
function parseQuery(query: ListUsersQuery) {
  const problems: FieldProblem[] = [];
  const filter: DirectoryFilter = {};
  const q = query.q.trim();
  if (q.length > MAX_QUERY) problems.push({ path: 'q', message: `must be at most ${MAX_QUERY} characters` });
  else if (q) filter.q = q;
  if (query.status) {
    if (isStatus(query.status)) filter.status = query.status;
    else problems.push({ path: 'status', message: `must be one of ${ACCOUNT_STATUSES.join(', ')}` });
  }
  if (query.role) {
    if ((ACCOUNT_ROLES as readonly string[]).includes(query.role)) filter.role = query.role;
    else problems.push({ path: 'role', message: `must be one of ${ACCOUNT_ROLES.join(', ')}` });
  }
  const after = decodeCursor(query.cursor);
  if (query.cursor && (!after || !isUuid(after.id))) problems.push({ path: 'cursor', message: 'is invalid' });
  if (problems.length > 0) throw new DirectoryError('VALIDATION_FAILED', 'The user search is invalid.', problems);
  return { filter, after };
}

function isStatus(value: string): value is AccountStatus {
  return (ACCOUNT_STATUSES as readonly string[]).includes(value);
}
