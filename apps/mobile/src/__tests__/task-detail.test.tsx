import { fireEvent, screen, within } from 'expo-router/testing-library';

import { installFakeGateway, json, type RecordedRequest } from '../test-support/fake-gateway';
import { page, PROJECT_ID, task, USER_ID, workspaceRoutes } from '../test-support/fixtures';
import { renderApp, storeSession } from '../test-support/render-app';

const current = task({
  number: 42,
  title: 'Fix the login page',
  description: 'It breaks on small screens.',
  status: 'in_progress',
  version: 3,
});
const TASK = `/api/v1/projects/${PROJECT_ID}/tasks/${current.id}`;

let gateway: ReturnType<typeof installFakeGateway>;
beforeEach(() => storeSession());
afterEach(() => gateway.restore());

function detailRoutes(extra: Record<string, (request: RecordedRequest) => ReturnType<typeof json>> = {}) {
  return {
    ...workspaceRoutes(),
    [`GET ${TASK}`]: () => json(200, current),
    [`GET ${TASK}/comments`]: () =>
      json(200, page([{ id: 'c-1', authorId: USER_ID, body: 'Seen on a 320 px phone.', createdAt: '2025-01-03T09:00:00.000Z' }])),
    [`GET /api/v1/projects/${PROJECT_ID}/activity`]: () =>
      json(
        200,
        page([
          {
            id: 'a-1',
            actorId: USER_ID,
            action: 'task.status_changed',
            subject: 'WEB-42',
            data: { from: 'todo', to: 'in_progress' },
            createdAt: '2025-01-03T08:00:00.000Z',
          },
          { id: 'a-2', actorId: USER_ID, action: 'task.created', subject: 'WEB-7', data: {}, createdAt: '2025-01-02T08:00:00.000Z' },
        ]),
      ),
    ...extra,
  };
}

it('shows the task with its comments and its own activity', async () => {
  gateway = installFakeGateway(detailRoutes());
  renderApp(`/projects/${PROJECT_ID}/tasks/${current.id}`);

  expect(await screen.findByRole('header', { name: 'Fix the login page' })).toBeOnTheScreen();
  expect(screen.getByText('It breaks on small screens.')).toBeOnTheScreen();
  expect(screen.getByText('In progress · No priority')).toBeOnTheScreen();
  expect(await screen.findByText('Seen on a 320 px phone.')).toBeOnTheScreen();
  expect(await screen.findByText('Ada Lovelace moved it from To do to In progress')).toBeOnTheScreen();
  // Activity of other tasks in the project is not this task's history.
  expect(screen.queryByText('Ada Lovelace created the task')).toBeNull();
});

it('edits the task, sending only the changed fields with If-Match', async () => {
  gateway = installFakeGateway(
    detailRoutes({ [`PATCH ${TASK}`]: ({ body }) => json(200, { ...current, ...(body as object), version: 4 }) }),
  );
  renderApp(`/projects/${PROJECT_ID}/tasks/${current.id}`);

  fireEvent.press(await screen.findByRole('button', { name: 'Edit WEB-42' }));
  fireEvent.changeText(screen.getByLabelText('Title'), 'Fix the login page on phones');
  fireEvent.press(screen.getByRole('button', { name: 'Priority High' }));
  fireEvent.press(screen.getByRole('button', { name: 'Save' }));

  expect(await screen.findByRole('header', { name: 'Fix the login page on phones' })).toBeOnTheScreen();
  const [patch] = gateway.to(`PATCH ${TASK}`);
  expect(patch?.headers['if-match']).toBe('"3"');
  expect(patch?.body).toEqual({ title: 'Fix the login page on phones', priority: 'high' });
});

it('posts a comment with an idempotency key and shows it', async () => {
  const comments = [{ id: 'c-1', authorId: USER_ID, body: 'First.', createdAt: '2025-01-03T09:00:00.000Z' }];
  gateway = installFakeGateway(
    detailRoutes({
      [`GET ${TASK}/comments`]: () => json(200, page(comments)),
      [`POST ${TASK}/comments`]: ({ body }) => {
        const comment = { id: 'c-2', authorId: USER_ID, body: (body as { body: string }).body, createdAt: '2025-01-04T09:00:00.000Z' };
        comments.push(comment);
        return json(201, comment);
      },
    }),
  );
  renderApp(`/projects/${PROJECT_ID}/tasks/${current.id}`);

  fireEvent.changeText(await screen.findByLabelText('New comment'), 'Fixed in the next release.');
  fireEvent.press(screen.getByRole('button', { name: 'Post comment' }));

  expect(await screen.findByText('Fixed in the next release.')).toBeOnTheScreen();
  const [post] = gateway.to(`POST ${TASK}/comments`);
  expect(post?.body).toEqual({ body: 'Fixed in the next release.' });
  expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(screen.getByLabelText('New comment')).toHaveDisplayValue('');
});

it('creates a task and opens it', async () => {
  const created = task({ number: 43, title: 'Add a dark theme', status: 'backlog', priority: 'low' });
  gateway = installFakeGateway({
    ...detailRoutes(),
    [`POST /api/v1/projects/${PROJECT_ID}/tasks`]: () => json(201, created),
    [`GET /api/v1/projects/${PROJECT_ID}/tasks/${created.id}`]: () => json(200, created),
    [`GET /api/v1/projects/${PROJECT_ID}/tasks/${created.id}/comments`]: () => json(200, page([])),
  });
  const app = renderApp(`/projects/${PROJECT_ID}/new-task`);

  fireEvent.press(await screen.findByRole('button', { name: 'Create task' }));
  expect(await screen.findByText('Enter a title.')).toBeOnTheScreen();
  fireEvent.changeText(screen.getByLabelText('Title'), 'Add a dark theme');
  fireEvent.press(screen.getByRole('button', { name: 'Start as Backlog' }));
  fireEvent.press(screen.getByRole('button', { name: 'Priority Low' }));
  fireEvent.press(screen.getByRole('button', { name: 'Create task' }));

  expect(await screen.findByRole('header', { name: 'Add a dark theme' })).toBeOnTheScreen();
  expect(app.getPathname()).toBe(`/projects/${PROJECT_ID}/tasks/${created.id}`);
  const [post] = gateway.to(`POST /api/v1/projects/${PROJECT_ID}/tasks`);
  expect(post?.body).toEqual({ title: 'Add a dark theme', description: '', status: 'backlog', priority: 'low' });
  expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(await within(screen.getByTestId('task-comments')).findByText('No comments yet.')).toBeOnTheScreen();
});
