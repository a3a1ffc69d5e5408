import { decodeCursor, pageSize, toPage, type Caller, type FieldProblem } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { PLAN_IDS } from '../billing/plans.js';
import { isUuid } from '../common/validation.js';
import { AdminProjectsError } from './admin-projects.errors.js';
import {
  AdminProjectsRepository,
  PROJECT_STATUSES,
  type AdminProjectFilter,
  type AdminProjectRow,
  type ProjectOwner,
} from './admin-projects.repository.js';

/** The platform role of administrators (from the auth service's token), not a project role. */
const PLATFORM_ADMIN = 'admin';
const MAX_QUERY = 200;

export interface ListAllProjectsQuery {
  q: string;
  status: string;
  plan: string;
  limit: number;
  cursor: string;
}

export interface ProjectOverview extends AdminProjectRow {
  owner: ProjectOwner | undefined;
}

/**
 * The platform administrators' view of every project: search, filter, page, and one project with its
 * owner and counts. Membership rules (ProjectAccess) do not apply: the platform role decides, here.
 */
@Injectable()
export class AdminProjectsService {
  constructor(private readonly projects: AdminProjectsRepository) {}

  async list(caller: Caller | undefined, query: ListAllProjectsQuery): Promise<{ items: ProjectOverview[]; nextCursor: string }> {
    requireAdmin(caller);
    const { filter, after } = parseQuery(query);
    const size = pageSize(query.limit);
    const page = toPage(await this.projects.list(filter, size + 1, after), size);
    return { items: await this.withOwners(page.items), nextCursor: page.nextCursor };
  }

  async get(caller: Caller | undefined, projectId: string): Promise<ProjectOverview> {
    requireAdmin(caller);
    const project = isUuid(projectId) ? await this.projects.find(projectId) : undefined;
    if (!project) throw new AdminProjectsError('PROJECT_NOT_FOUND', 'No such project.');
    const [overview] = await this.withOwners([project]);
    return overview!;
  }

  private async withOwners(rows: AdminProjectRow[]): Promise<ProjectOverview[]> {
    const owners = await this.projects.owners(rows.map((row) => row.id));
    // Owners come longest-standing first: the first one seen per project is the one shown.
    const first = new Map<string, ProjectOwner>();
    for (const owner of owners) if (!first.has(owner.projectId)) first.set(owner.projectId, owner);
    return rows.map((row) => ({ ...row, owner: first.get(row.id) }));
  }
}

function requireAdmin(caller: Caller | undefined): void {
  if (!caller) throw new AdminProjectsError('UNAUTHENTICATED', 'Sign in first.');
  if (!caller.roles.includes(PLATFORM_ADMIN)) throw new AdminProjectsError('FORBIDDEN', 'This is for platform administrators.');
}

/**
 * Empty strings are "no filter" and "first page" (proto3 has no absent string); anything else must be a
 * known value. Every invalid field is reported at once.
 */
function parseQuery(query: ListAllProjectsQuery) {
  const problems: FieldProblem[] = [];
  const filter: AdminProjectFilter = {};
  const q = query.q.trim();
  if (q.length > MAX_QUERY) problems.push({ path: 'q', message: `must be at most ${MAX_QUERY} characters` });
  else if (q) filter.q = q;
  if (query.status) {
    const status = PROJECT_STATUSES.find((each) => each === query.status);
    if (status) filter.status = status;
    else problems.push({ path: 'status', message: `must be one of ${PROJECT_STATUSES.join(', ')}` });
  }
  if (query.plan) {
    const plan = PLAN_IDS.find((each) => each === query.plan);
    if (plan) filter.plan = plan;
    else problems.push({ path: 'plan', message: `must be one of ${PLAN_IDS.join(', ')}` });
  }
  const after = decodeCursor(query.cursor);
  if (query.cursor && (!after || !isUuid(after.id))) problems.push({ path: 'cursor', message: 'is invalid' });
  if (problems.length > 0) throw new AdminProjectsError('VALIDATION_FAILED', 'The project search is invalid.', problems);
  return { filter, after };
}
