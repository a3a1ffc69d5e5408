import { renderRouter } from 'expo-router/testing-library';

import type { SecureStoreMock } from './secure-store-mock';

/**
 * The real app directory, routes and layouts included, rendered at `initialUrl`. The path is relative
 * to the working directory, which is apps/mobile for `npm test -w @msp/mobile` and Jest's rootDir.
 */
export function renderApp(initialUrl = '/') {
  return renderRouter('./app', { initialUrl });
}

export const secureStore = () => jest.requireMock<SecureStoreMock>('expo-secure-store');

/** A session as a previous sign-in left it in secure storage. */
export function storeSession(accessToken = 'access-1', refreshToken = 'refresh-1'): void {
  secureStore().values.set('msp.accessToken', accessToken);
  secureStore().values.set('msp.refreshToken', refreshToken);
}
