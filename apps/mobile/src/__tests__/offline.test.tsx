import AsyncStorage from '@react-native-async-storage/async-storage';
import { act, fireEvent, screen, waitFor } from 'expo-router/testing-library';

import { installFakeGateway, json } from '../test-support/fake-gateway';
import { page, project, PROJECT_ID, task, workspaceRoutes } from '../test-support/fixtures';
import { setConnected } from '../test-support/netinfo-mock';
import { renderApp, storeSession } from '../test-support/render-app';

const TASKS = `GET /api/v1/projects/${PROJECT_ID}/tasks`;
const BANNER = 'Offline — showing what was saved on this device. Changes cannot be saved until you are back online.';

let gateway: ReturnType<typeof installFakeGateway>;
beforeEach(() => storeSession());
afterEach(() => gateway.restore());

const routes = () => ({
  ...workspaceRoutes(),
  'GET /api/v1/projects': () => json(200, page([project()])),
  [TASKS]: () => json(200, page([task({ number: 1, status: 'todo', title: 'Write the launch post' })])),
});

it('shows the offline banner while there is no connection, and hides it when the connection returns', async () => {
  gateway = installFakeGateway(routes());
  renderApp('/');
  expect(await screen.findByRole('button', { name: 'Open project Website (WEB)' })).toBeOnTheScreen();
  expect(screen.queryByLabelText(BANNER)).toBeNull();

  act(() => setConnected(false));

  expect(await screen.findByLabelText(BANNER)).toBeOnTheScreen();
  expect(screen.getByRole('button', { name: 'Open project Website (WEB)' })).toBeOnTheScreen();

  act(() => setConnected(true));
  await waitFor(() => expect(screen.queryByLabelText(BANNER)).toBeNull());
});

it('refuses a status change offline with a clear message and sends nothing', async () => {
  gateway = installFakeGateway(routes());
  renderApp(`/projects/${PROJECT_ID}`);
  await screen.findByRole('button', { name: 'Open WEB-1: Write the launch post' });
  act(() => setConnected(false));

  fireEvent.press(screen.getByRole('button', { name: 'Change status of WEB-1, now To do' }));
  fireEvent.press(screen.getByRole('button', { name: 'Set WEB-1 to Done' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Could not change WEB-1: You are offline, so this was not saved. Try again when you are back online.',
  );
  expect(screen.getByRole('button', { name: 'Change status of WEB-1, now To do' })).toBeOnTheScreen();
  expect(gateway.requests.filter((r) => r.method !== 'GET')).toEqual([]);
});

it('shows the last fetched projects and tasks after a restart without a connection', async () => {
  gateway = installFakeGateway(routes());
  const first = renderApp(`/projects/${PROJECT_ID}`);
  await screen.findByRole('button', { name: 'Open WEB-1: Write the launch post' });
  // The cache is written to the device shortly after it changes (throttled), not on every change.
  await act(() => jest.advanceTimersByTimeAsync(1_000));
  expect(await AsyncStorage.getItem('msp.query-cache')).toContain('Write the launch post');
  first.unmount();
  gateway.restore();

  setConnected(false);
  gateway = installFakeGateway({});
  renderApp(`/projects/${PROJECT_ID}`);

  expect(await screen.findByRole('button', { name: 'Open WEB-1: Write the launch post' })).toBeOnTheScreen();
  expect(screen.getByRole('header', { name: 'To do · 1' })).toBeOnTheScreen();
  expect(screen.getByLabelText(BANNER)).toBeOnTheScreen();
  expect(gateway.requests).toEqual([]);
});

it('says so when offline and nothing was saved on the device yet', async () => {
  setConnected(false);
  gateway = installFakeGateway({});
  renderApp('/');
  expect(await screen.findByText('You are offline, and this has not been saved on this device yet.')).toBeOnTheScreen();
  expect(gateway.requests).toEqual([]);
});
