// Native modules that jest-expo does not stub with working fakes: secure storage and AsyncStorage get
// in-memory ones, NetInfo a controllable one. All are reset before each test, so no test sees another
// test's session, cache or connection.
import AsyncStorage from '@react-native-async-storage/async-storage';
import { configure } from '@testing-library/react-native';

import { setConnected } from './src/test-support/netinfo-mock';
import type { SecureStoreMock } from './src/test-support/secure-store-mock';

jest.mock('@react-native-async-storage/async-storage', () =>
  jest.requireActual('@react-native-async-storage/async-storage/jest/async-storage-mock'),
);
jest.mock('@react-native-community/netinfo', () => ({
  __esModule: true,
  default: jest.requireActual('./src/test-support/netinfo-mock').netInfoMock,
}));
jest.mock('expo-secure-store', () => jest.requireActual('./src/test-support/secure-store-mock').createSecureStoreMock());

// React Native loads its components lazily, and with a cold transform cache (a fresh CI machine) the
// first render spends seconds compiling them: the default 1 s wait for an element is not enough.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

beforeEach(async () => {
  jest.clearAllMocks();
  setConnected(true);
  jest.requireMock<SecureStoreMock>('expo-secure-store').values.clear();
  await AsyncStorage.clear();
});
