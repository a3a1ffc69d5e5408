import * as SecureStore from 'expo-secure-store';
import { Platform } from 'react-native';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface TokenStore {
  /** The stored session, or null when signed out. */
  load(): Promise<Tokens | null>;
  save(tokens: Tokens): Promise<void>;
  clear(): Promise<void>;
}

// Two keys rather than one JSON value: iOS warns about Keychain values over 2 KB, and a JWT pair can
// approach that. SecureStore keys allow only letters, digits, ".", "-" and "_".
const ACCESS_TOKEN_KEY = 'msp.accessToken';
const REFRESH_TOKEN_KEY = 'msp.refreshToken';

// On web, expo-secure-store has no implementation (its calls throw), and the browser alternatives
// (localStorage, IndexedDB) are readable by any script on the page, so a stolen long-lived refresh
// token would outlive the tab. The web build therefore keeps tokens in memory only and asks to sign in
// again after a reload; the customer web experience with httpOnly cookies is apps/web.
const persistsByDefault = Platform.OS !== 'web';

export function createTokenStore(persist: boolean = persistsByDefault): TokenStore {
  // The Keychain/Keystore round trip is slow compared to a request, and every authorized call reads the
  // tokens, so the store reads the device once and then serves the copy it keeps in step with writes.
  let cached: Tokens | null | undefined;

  return {
    async load() {
      if (cached !== undefined) return cached;
      if (!persist) {
        cached = null;
        return cached;
      }
      const [accessToken, refreshToken] = await Promise.all([
        SecureStore.getItemAsync(ACCESS_TOKEN_KEY),
        SecureStore.getItemAsync(REFRESH_TOKEN_KEY),
      ]);
      // A write interrupted between the two keys leaves half a session, which cannot be used: treat it as none.
      cached ??= accessToken && refreshToken ? { accessToken, refreshToken } : null;
      return cached;
    },

    async save(tokens) {
      cached = tokens;
      if (!persist) return;
      await Promise.all([
        SecureStore.setItemAsync(ACCESS_TOKEN_KEY, tokens.accessToken),
        SecureStore.setItemAsync(REFRESH_TOKEN_KEY, tokens.refreshToken),
      ]);
    },

    async clear() {
      cached = null;
      if (!persist) return;
      await Promise.all([SecureStore.deleteItemAsync(ACCESS_TOKEN_KEY), SecureStore.deleteItemAsync(REFRESH_TOKEN_KEY)]);
    },
  };
}
