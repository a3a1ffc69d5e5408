import type { Me } from '../api/gateway-client';
import type { Project } from '../features/projects/projects-api';
import type { Task } from '../features/tasks/tasks-api';

// Test data in one style: full objects as the gateway answers them, with overrides per test.

export const PROJECT_ID = '11111111-1111-4111-8111-111111111111';
export const USER_ID = '22222222-2222-4222-8222-222222222222';

export const tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', tokenType: 'Bearer', expiresIn: 600 };

export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: USER_ID,
    email: 'ada@example.com',
    displayName: 'Ada Lovelace',
    roles: ['customer'],
    emailVerified: true,
    mfaEnabled: false,
    locale: 'en',
    timezone: 'UTC',
    avatarUrl: null,
    createdAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    name: 'Website',
    key: 'WEB',
    description: 'The public site',
    plan: 'free',
    role: 'owner',
    createdAt: '2025-01-01T10:00:00.000Z',
    archived: false,
    ...overrides,
  };
}

let taskNumber = 0;
export function task(overrides: Partial<Task> = {}): Task {
  taskNumber += 1;
  const n = overrides.number ?? taskNumber;
  return {
    id: `33333333-3333-4333-8333-${String(n).padStart(12, '0')}`,
    number: n,
    key: `WEB-${n}`,
    title: `Task ${n}`,
    description: '',
    status: 'todo',
    priority: 'none',
    assigneeId: null,
    dueDate: null,
    labels: [],
    version: 1,
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export const page = <T>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor });

/** What every signed-in screen may ask for besides its own data (the tab bar's badge, the profile). */
export function workspaceRoutes(overrides: { unreadCount?: number; role?: Project['role'] } = {}) {
  return {
    'GET /api/v1/me': () => ({ status: 200, body: me() }),
    // The tabs sit under every signed-in screen, so the projects tab loads even behind a task.
    'GET /api/v1/projects': () => ({ status: 200, body: page([project({ role: overrides.role ?? 'owner' })]) }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { ...page([]), unreadCount: overrides.unreadCount ?? 0 } }),
    [`GET /api/v1/projects/${PROJECT_ID}`]: () => ({ status: 200, body: project({ role: overrides.role ?? 'owner' }) }),
    [`GET /api/v1/projects/${PROJECT_ID}/members`]: () => ({
      status: 200,
      body: page([
        { userId: USER_ID, displayName: 'Ada Lovelace', email: 'ada@example.com', role: 'owner', joinedAt: '2025-01-01T10:00:00.000Z' },
      ]),
    }),
    [`GET /api/v1/projects/${PROJECT_ID}/activity`]: () => ({ status: 200, body: page([]) }),
  };
}
