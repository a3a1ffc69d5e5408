import { act, fireEvent, screen, waitFor, within } from 'expo-router/testing-library';

import { installFakeGateway, json, problem, type RecordedRequest } from '../test-support/fake-gateway';
import { pullToRefresh, scrollToEnd } from '../test-support/list-gestures';
import { page, project, PROJECT_ID, task, USER_ID, workspaceRoutes } from '../test-support/fixtures';
import { renderApp, storeSession } from '../test-support/render-app';

const TASKS = `GET /api/v1/projects/${PROJECT_ID}/tasks`;
const taskPath = (id: string) => `/api/v1/projects/${PROJECT_ID}/tasks/${id}`;

let gateway: ReturnType<typeof installFakeGateway>;
beforeEach(() => storeSession());
afterEach(() => gateway.restore());

it('lists the projects and opens one on its tasks grouped by status', async () => {
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    'GET /api/v1/projects': () => json(200, page([project()])),
    [TASKS]: () =>
      json(200, page([task({ number: 1, status: 'todo' }), task({ number: 2, status: 'done' }), task({ number: 3, status: 'todo' })])),
  });
  const app = renderApp('/');

  fireEvent.press(await screen.findByRole('button', { name: 'Open project Website (WEB)' }));

  expect(await screen.findByRole('header', { name: 'To do · 2' })).toBeOnTheScreen();
  expect(screen.getByRole('header', { name: 'Done · 1' })).toBeOnTheScreen();
  expect(screen.queryByRole('header', { name: /In progress/ })).toBeNull();
  expect(screen.getByRole('button', { name: 'Open WEB-2: Task 2' })).toBeOnTheScreen();
  expect(app.getPathname()).toBe(`/projects/${PROJECT_ID}`);
});

it('changes a task status from the board with the version as If-Match, and regroups it', async () => {
  const todo = task({ number: 1, status: 'todo', version: 4 });
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    [TASKS]: () => json(200, page([todo, task({ number: 2, status: 'todo' })])),
    [`PATCH ${taskPath(todo.id)}`]: ({ body }: RecordedRequest) =>
      json(200, { ...todo, ...(body as object), version: 5, updatedAt: '2025-01-03T10:00:00.000Z' }),
  });
  renderApp(`/projects/${PROJECT_ID}`);

  fireEvent.press(await screen.findByRole('button', { name: 'Change status of WEB-1, now To do' }));
  fireEvent.press(screen.getByRole('button', { name: 'Set WEB-1 to In progress' }));

  expect(await screen.findByRole('header', { name: 'In progress · 1' })).toBeOnTheScreen();
  expect(screen.getByRole('header', { name: 'To do · 1' })).toBeOnTheScreen();
  expect(screen.getByRole('button', { name: 'Change status of WEB-1, now In progress' })).toBeOnTheScreen();
  const [patch] = gateway.to(`PATCH ${taskPath(todo.id)}`);
  expect(patch?.headers['if-match']).toBe('"4"');
  expect(patch?.body).toEqual({ status: 'in_progress' });
});

it('explains a conflicting change and shows the task as it is now', async () => {
  const stale = task({ number: 1, status: 'todo', version: 1 });
  let current = stale;
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    [TASKS]: () => json(200, page([current])),
    [`GET ${taskPath(stale.id)}`]: () => json(200, current),
    [`PATCH ${taskPath(stale.id)}`]: () => {
      current = { ...stale, status: 'done', version: 2 };
      return problem(409, 'VERSION_CONFLICT', 'The task changed since version 1.');
    },
  });
  renderApp(`/projects/${PROJECT_ID}`);

  fireEvent.press(await screen.findByRole('button', { name: 'Change status of WEB-1, now To do' }));
  fireEvent.press(screen.getByRole('button', { name: 'Set WEB-1 to In progress' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(/Could not change WEB-1: Someone else changed this task meanwhile/);
  expect(await screen.findByRole('button', { name: 'Change status of WEB-1, now Done' })).toBeOnTheScreen();
});

it('filters by status, by assignee and by search words on the server', async () => {
  gateway = installFakeGateway({ ...workspaceRoutes(), [TASKS]: () => json(200, page([task({ number: 1 })])) });
  renderApp(`/projects/${PROJECT_ID}`);
  await screen.findByRole('button', { name: 'Open WEB-1: Task 1' });

  fireEvent.press(screen.getByRole('button', { name: 'Show only Done' }));
  await screen.findByRole('button', { name: 'Show only Done', selected: true });
  fireEvent.press(screen.getByRole('button', { name: 'Show only tasks assigned to me' }));
  fireEvent.changeText(screen.getByLabelText('Search tasks'), 'login page');
  await act(() => jest.advanceTimersByTimeAsync(400));

  const last = () => gateway.to(TASKS).at(-1)?.query;
  await screen.findByRole('button', { name: 'Open WEB-1: Task 1' });
  expect(last()).toEqual({ limit: '25', status: 'done', assigneeId: USER_ID, q: 'login page' });
});

it('loads the next page with the cursor when scrolled to the end, and refreshes on pull', async () => {
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    [TASKS]: ({ query }) =>
      query.cursor === 'page-2'
        ? json(200, page([task({ number: 30, status: 'backlog' })]))
        : json(200, page([task({ number: 31 }), task({ number: 32 })], 'page-2')),
  });
  renderApp(`/projects/${PROJECT_ID}`);
  const list = await screen.findByTestId('tasks-list');
  await screen.findByRole('button', { name: 'Open WEB-31: Task 31' });

  // Twice, as a list does while its end stays visible: the page is still fetched once.
  scrollToEnd(list);
  scrollToEnd(list);

  expect(await screen.findByRole('button', { name: 'Open WEB-30: Task 30' })).toBeOnTheScreen();
  expect(gateway.to(TASKS).map((r) => r.query.cursor)).toEqual([undefined, 'page-2']);
  expect(screen.queryByRole('button', { name: 'Load more tasks' })).toBeNull();

  const before = gateway.to(TASKS).length;
  pullToRefresh(list);
  await waitFor(() => expect(gateway.to(TASKS).length).toBeGreaterThan(before));
});

it('hides editing from viewers', async () => {
  gateway = installFakeGateway({ ...workspaceRoutes({ role: 'viewer' }), [TASKS]: () => json(200, page([task({ number: 1 })])) });
  renderApp(`/projects/${PROJECT_ID}`);
  const row = await screen.findByRole('button', { name: 'Change status of WEB-1, now To do' });
  await act(() => jest.advanceTimersByTimeAsync(100));
  expect(gateway.to(`GET /api/v1/projects/${PROJECT_ID}`)).toHaveLength(1);
  expect(row).toBeDisabled();
  expect(screen.queryByRole('button', { name: 'New task' })).toBeNull();
  expect(within(screen.getByTestId('tasks-list')).queryByRole('button', { name: /^Set / })).toBeNull();
});
