import AsyncStorage from '@react-native-async-storage/async-storage';
import { fireEvent, screen } from 'expo-router/testing-library';

import { installFakeGateway, json } from '../test-support/fake-gateway';
import { tokens, workspaceRoutes } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

let gateway: ReturnType<typeof installFakeGateway>;
afterEach(() => gateway.restore());

it('points the app at another gateway, remembered on the device', async () => {
  gateway = installFakeGateway({ 'POST /api/v1/auth/login': () => json(401, {}) });
  renderApp('/sign-in');

  fireEvent.press(await screen.findByRole('link', { name: 'Server and app settings' }));
  const field = await screen.findByLabelText('Gateway URL');
  expect(field).toHaveDisplayValue('http://127.0.0.1:8080');

  fireEvent.changeText(field, 'not a url');
  fireEvent.press(screen.getByRole('button', { name: 'Use this server' }));
  expect(await screen.findByText('Enter an http:// or https:// address.')).toBeOnTheScreen();

  fireEvent.changeText(field, 'https://staging.example.test/');
  fireEvent.press(screen.getByRole('button', { name: 'Use this server' }));
  expect(await screen.findByText('Now using https://staging.example.test.')).toBeOnTheScreen();
  expect(JSON.parse((await AsyncStorage.getItem('msp.settings')) ?? '{}')).toMatchObject({ gatewayUrl: 'https://staging.example.test' });
});

it('sends requests to the gateway chosen in the settings', async () => {
  await AsyncStorage.setItem('msp.settings', JSON.stringify({ gatewayUrl: 'https://staging.example.test' }));
  const hosts: string[] = [];
  gateway = installFakeGateway({ ...workspaceRoutes(), 'POST /api/v1/auth/login': () => json(200, tokens) });
  const fetchMock = globalThis.fetch as jest.Mock;
  const recording = fetchMock.getMockImplementation()!;
  fetchMock.mockImplementation((input: Request) => {
    hosts.push(new URL(input.url).host);
    return recording(input);
  });
  renderApp('/sign-in');

  fireEvent.changeText(await screen.findByLabelText('Email'), 'ada@example.com');
  fireEvent.changeText(screen.getByLabelText('Password'), 'pw');
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByRole('button', { name: 'Open project Website (WEB)' })).toBeOnTheScreen();
  expect(new Set(hosts)).toEqual(new Set(['staging.example.test']));
});

it('switches the language to German and the theme to dark', async () => {
  gateway = installFakeGateway({});
  renderApp('/settings');

  fireEvent.press(await screen.findByRole('button', { name: 'Language: Deutsch' }));
  expect(await screen.findByRole('button', { name: 'Design: Dunkel' })).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Design: Dunkel' }));

  expect(await screen.findByRole('button', { name: 'Design: Dunkel', selected: true })).toBeOnTheScreen();
  expect(JSON.parse((await AsyncStorage.getItem('msp.settings')) ?? '{}')).toMatchObject({ language: 'de', theme: 'dark' });
});
