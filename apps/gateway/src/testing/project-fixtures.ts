import type { projectV1 } from '@msp/contracts';
import { RemoteCallError } from '@msp/platform';

export const PROJECT_ID = '3d594650-3436-4d4c-9f5a-3f1a1f8e2a10';
export const TASK_ID = '5b6c7d8e-1f20-4a3b-9c4d-5e6f7a8b9c0d';
export const MEMBER_ID = '8c9d0e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
export const UNKNOWN_ID = '9d594650-3436-4d4c-9f5a-3f1a1f8e2a10';

const created = new Date('2024-06-01T08:30:00Z');
const updated = new Date('2024-06-02T09:00:00Z');

export const project: projectV1.Project = {
  id: PROJECT_ID,
  name: 'Website',
  key: 'WEB',
  description: '',
  plan: 'free',
  role: 'owner',
  archived: false,
  createdAt: created,
};
export const projectJson = { ...project, createdAt: '2024-06-01T08:30:00.000Z' };

export const task: projectV1.Task = {
  id: TASK_ID,
  projectId: PROJECT_ID,
  number: 42,
  key: 'WEB-42',
  title: 'Fix the login page',
  description: '',
  status: 'todo',
  priority: 'high',
  assigneeId: '',
  dueDate: '',
  labels: ['bug'],
  version: 3,
  createdAt: created,
  updatedAt: updated,
};
/** The task as the API answers it: no project id, nulls for "none". */
export const taskJson = {
  id: TASK_ID,
  number: 42,
  key: 'WEB-42',
  title: 'Fix the login page',
  description: '',
  status: 'todo',
  priority: 'high',
  assigneeId: null,
  dueDate: null,
  labels: ['bug'],
  version: 3,
  createdAt: '2024-06-01T08:30:00.000Z',
  updatedAt: '2024-06-02T09:00:00.000Z',
};

export const member: projectV1.Member = {
  userId: MEMBER_ID,
  displayName: 'Grace',
  email: 'grace@example.com',
  role: 'member',
  joinedAt: created,
};
export const memberJson = { ...member, joinedAt: '2024-06-01T08:30:00.000Z' };

/** The failure a fake service answers with, as the real client would raise it. */
export function serviceError(status: number, code: string, details = code): RemoteCallError {
  return new RemoteCallError(status, details, code, [], '/msp.project.v1.ProjectService/Fake');
}

/** Records each request of a fake RPC under its name, then answers. */
export function recorder(calls: Array<[string, unknown]>) {
  return <Req, Res>(name: string, answer: (request: Req) => Res | Promise<Res>) =>
    async (request: Req): Promise<Res> => {
      calls.push([name, request]);
      return answer(request);
    };
}
