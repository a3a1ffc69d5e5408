import fc from 'fast-check';

/** What the write endpoints act on: made once per suite, through the public API. */
export interface WriteFixture {
  ownerId: string;
  memberId: string;
  /** Comments and task changes are written here. */
  tasksProjectId: string;
  taskId: string;
  /** Where new tasks go: a project with room for more (a plan limits the tasks of a project). */
  projectForNewTasks(): Promise<string>;
  /** Renamed, described and archived by the PATCH runs; its state as last answered. */
  patchedProjectId: string;
  patchedProject: { name: string; description: string; archived: boolean };
  /** Where `memberId` is a member whose role changes, and invitations are sent. */
  teamProjectId: string;
  /** A project of its own for each DELETE. */
  freshProjectId(): Promise<string>;
  /** Keys of every project created so far: a valid create with one of them is 409. */
  takenKeys: Set<string>;
}

/** One row of the table test: a change to a valid body, and the field the 400 must name. */
export type TableRow = [label: string, change: Record<string, unknown>, field: string];

export interface WriteEndpoint {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style, `{name}` for each path id. */
  path: string;
  caller: 'owner' | 'admin';
  success: number;
  idempotent?: boolean;
  /** Needs the task's version as If-Match (or `version` in the body). */
  ifMatch?: boolean;
  /** The real resources of the path. */
  ids(fixture: WriteFixture): Promise<Record<string, string>> | Record<string, string>;
  /** Valid values of each body field; no fields means no body. */
  fields?(fixture: WriteFixture): Record<string, fc.Arbitrary<unknown>>;
  required?: string[];
  /** A small valid body the table rows change one field of. */
  minimal?(fixture: WriteFixture): Record<string, unknown>;
  table?: TableRow[];
  /** The answer to a valid body when it is not `success` (a taken project key is 409). */
  expectedStatus?(fixture: WriteFixture, body: Record<string, unknown>): number;
}

const unknownField: TableRow = ['unknown field', { isAdmin: true }, 'isAdmin'];

/** Printable text whose trimmed length is within 1..max, as the API counts it (UTF-16 units). */
const text = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 60) }).filter((value) => {
    const trimmed = value.trim();
    return trimmed.length >= 1 && trimmed.length <= max && value.length <= max;
  });

const email = fc
  .tuple(
    fc.array(fc.stringMatching(/^[A-Za-z0-9_+-]{1,12}$/), { minLength: 1, maxLength: 3 }),
    fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/), { minLength: 1, maxLength: 2 }),
    fc.stringMatching(/^[a-z]{2,6}$/),
  )
  .map(([local, labels, top]) => `${local.join('.')}@${labels.join('.')}.${top}`);

const timeZones = Intl.supportedValuesOf('timeZone');
const projectKey = fc.stringMatching(/^[A-Z][A-Z0-9]{1,9}$/);
const taskLabel = text(40);
const dueDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const taskFields = (fixture: WriteFixture) => ({
  title: text(200),
  description: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constant('d'.repeat(20_000))),
  status: fc.constantFrom('backlog', 'todo', 'in_progress', 'done', 'cancelled'),
  priority: fc.constantFrom('none', 'low', 'medium', 'high', 'urgent'),
  assigneeId: fc.constantFrom(null, fixture.ownerId, fixture.memberId),
  dueDate: fc.option(dueDate, { nil: null }),
  labels: fc.array(taskLabel, { maxLength: 20 }),
});

const taskTable: TableRow[] = [
  ['wrong type', { title: 42 }, 'title'],
  ['over-long string', { title: 't'.repeat(201) }, 'title'],
  ['bad enum', { status: 'someday' }, 'status'],
  ['bad enum', { priority: 'critical' }, 'priority'],
  ['bad format', { dueDate: '2025-02-30' }, 'dueDate'],
  ['wrong type', { labels: 'one' }, 'labels'],
  unknownField,
];

/**
 * Every write endpoint of the gateway that issue 4 covers, with what a valid request looks like.
 * The property test sends junk and valid requests to each; the table test each row.
 */
export const writeEndpoints: WriteEndpoint[] = [
  {
    method: 'PATCH',
    path: '/api/v1/me',
    caller: 'owner',
    success: 200,
    ids: () => ({}),
    fields: () => ({
      displayName: text(100),
      locale: fc.constantFrom('en', 'de', 'de-AT', 'en-GB', 'fr-CA', 'pt-BR', 'zh-Hant-TW', 'sr-Latn', 'es-419'),
      timezone: fc.constantFrom(...timeZones),
      avatarUrl: fc.oneof(fc.constant(null), fc.constant(''), fc.webUrl({ validSchemes: ['https'], withQueryParameters: true })),
    }),
    minimal: () => ({ displayName: 'Valid Name' }),
    table: [
      ['wrong type', { displayName: 42 }, 'displayName'],
      ['over-long string', { displayName: 'n'.repeat(101) }, 'displayName'],
      ['bad format', { locale: 'not a locale' }, 'locale'],
      ['bad enum', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ['bad format', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      unknownField,
    ],
  },
  {
    method: 'PUT',
    path: '/api/v1/me/notification-preferences',
    caller: 'owner',
    success: 200,
    ids: () => ({}),
    fields: () => ({
      email: fc.record(
        {
          security: fc.constant(true),
          account: fc.boolean(),
          projects: fc.boolean(),
          tasks: fc.boolean(),
          billing: fc.boolean(),
          product: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    }),
    required: ['email'],
    minimal: () => ({ email: { product: true } }),
    table: [
      ['wrong type', { email: 'yes' }, 'email'],
      ['wrong type', { email: { product: 'yes' } }, 'email.product'],
      ['over-long string', { email: { ['c'.repeat(41)]: true } }, `email.${'c'.repeat(41)}`],
      ['bad enum', { email: { newsletters: true } }, 'email.newsletters'],
      unknownField,
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/projects',
    caller: 'owner',
    success: 201,
    idempotent: true,
    ids: () => ({}),
    fields: () => ({ name: text(100), key: projectKey, description: fc.string({ unit: 'grapheme', maxLength: 200 }) }),
    required: ['name', 'key'],
    minimal: () => ({ name: 'Table', key: 'TABLE' }),
    table: [
      ['wrong type', { name: ['Table'] }, 'name'],
      ['over-long string', { description: 'd'.repeat(2001) }, 'description'],
      ['bad format', { key: 'lower' }, 'key'],
      ['over-long string', { key: 'ABCDEFGHIJK' }, 'key'],
      unknownField,
    ],
    expectedStatus: (fixture, body) => (fixture.takenKeys.has(String(body.key)) ? 409 : 201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/projects/{projectId}',
    caller: 'owner',
    success: 200,
    ids: (fixture) => ({ projectId: fixture.patchedProjectId }),
    fields: () => ({ name: text(100), description: fc.string({ unit: 'grapheme', maxLength: 200 }), archived: fc.boolean() }),
    minimal: () => ({ description: 'valid', archived: false }),
    table: [
      ['wrong type', { archived: 'yes' }, 'archived'],
      ['over-long string', { name: 'n'.repeat(101) }, 'name'],
      ['wrong type', { description: null }, 'description'],
      unknownField,
    ],
    // An archived project is read-only: a change that does not unarchive it is 409 PROJECT_ARCHIVED (no change at all is fine).
    expectedStatus: ({ patchedProject }, body) => {
      const sent = { ...body, ...(typeof body.name === 'string' ? { name: body.name.trim() } : {}) };
      const changes = Object.entries(sent).filter(([field, value]) => patchedProject[field as keyof typeof patchedProject] !== value);
      return changes.length > 0 && patchedProject.archived && body.archived !== false ? 409 : 200;
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/projects/{projectId}',
    caller: 'owner',
    success: 204,
    ids: async (fixture) => ({ projectId: await fixture.freshProjectId() }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/projects/{projectId}/members/{userId}',
    caller: 'owner',
    success: 200,
    ids: (fixture) => ({ projectId: fixture.teamProjectId, userId: fixture.memberId }),
    fields: () => ({ role: fc.constantFrom('owner', 'admin', 'member', 'viewer') }),
    required: ['role'],
    minimal: () => ({ role: 'member' }),
    table: [
      ['wrong type', { role: 3 }, 'role'],
      ['over-long string', { role: 'viewer'.repeat(50) }, 'role'],
      ['bad enum', { role: 'superuser' }, 'role'],
      unknownField,
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/projects/{projectId}/invitations',
    caller: 'owner',
    success: 201,
    idempotent: true,
    ids: (fixture) => ({ projectId: fixture.teamProjectId }),
    fields: () => ({ email, role: fc.constantFrom('admin', 'member', 'viewer') }),
    required: ['email', 'role'],
    minimal: () => ({ email: 'table-guest@example.test', role: 'viewer' }),
    table: [
      ['wrong type', { email: { address: 'x@example.test' } }, 'email'],
      ['over-long string', { email: `${'a'.repeat(250)}@example.test` }, 'email'],
      ['bad enum', { role: 'owner' }, 'role'],
      unknownField,
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/projects/{projectId}/tasks',
    caller: 'owner',
    success: 201,
    idempotent: true,
    ids: async (fixture) => ({ projectId: await fixture.projectForNewTasks() }),
    fields: taskFields,
    required: ['title'],
    minimal: () => ({ title: 'Valid task' }),
    table: taskTable,
  },
  {
    method: 'PATCH',
    path: '/api/v1/projects/{projectId}/tasks/{taskId}',
    caller: 'owner',
    success: 200,
    ifMatch: true,
    ids: (fixture) => ({ projectId: fixture.tasksProjectId, taskId: fixture.taskId }),
    fields: taskFields,
    minimal: () => ({ title: 'Valid change' }),
    table: [...taskTable, ['wrong type', { version: '1' }, 'version']],
  },
  {
    method: 'POST',
    path: '/api/v1/projects/{projectId}/tasks/{taskId}/comments',
    caller: 'owner',
    success: 201,
    idempotent: true,
    ids: (fixture) => ({ projectId: fixture.tasksProjectId, taskId: fixture.taskId }),
    fields: () => ({ body: fc.oneof(text(10_000), fc.constant(`  indented code\n${'c'.repeat(9_000)}`)) }),
    required: ['body'],
    minimal: () => ({ body: 'A comment' }),
    table: [
      ['wrong type', { body: 7 }, 'body'],
      ['over-long string', { body: 'c'.repeat(10_001) }, 'body'],
      ['bad format', { body: ' \n\t ' }, 'body'],
      unknownField,
    ],
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/users/{id}/roles',
    caller: 'admin',
    success: 200,
    ids: (fixture) => ({ id: fixture.memberId }),
    fields: () => ({ roles: fc.shuffledSubarray(['customer', 'admin'], { minLength: 1 }) }),
    required: ['roles'],
    minimal: () => ({ roles: ['customer'] }),
    table: [
      ['wrong type', { roles: 'admin' }, 'roles'],
      ['over-long string', { roles: ['customer'.repeat(40)] }, 'roles.0'],
      ['bad enum', { roles: ['root'] }, 'roles.0'],
      ['repeated item', { roles: ['customer', 'customer'] }, 'roles'],
      unknownField,
    ],
  },
];

export function nameOf(endpoint: Pick<WriteEndpoint, 'method' | 'path'>): string {
  return `${endpoint.method} ${endpoint.path}`;
}

/** The path with its ids filled in; ids are sent as they are (already percent-encoded where needed). */
export function pathOf(template: string, ids: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`no id for {${name}} in ${template}`);
    return id;
  });
}

/** A valid body for the endpoint: its required fields and any of the others. */
export function validBody(endpoint: WriteEndpoint, fixture: WriteFixture): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(endpoint.fields?.(fixture) ?? {}, { requiredKeys: endpoint.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}
