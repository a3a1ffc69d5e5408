import AsyncStorage from '@react-native-async-storage/async-storage';
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider, removeOldestQuery } from '@tanstack/react-query-persist-client';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Platform } from 'react-native';

import '../network/online';
import { ApiError, NETWORK_ERROR_STATUS } from './api-error';
import { persistedRoots } from './query-keys';

const CACHE_KEY = 'msp.query-cache';
/** Cached data older than this is dropped at start rather than shown as if it were current. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Bumped when the shape of cached data changes, so a new build never reads an old build's cache. */
const CACHE_VERSION = '1';

// The web build keeps no data on the device, for the reason it keeps no tokens (auth/token-store.ts):
// localStorage is readable by any script on the page and outlives the tab. It signs in again after a
// reload anyway, so there is nothing a persisted cache could be shown to.
const persistsByDefault = Platform.OS !== 'web';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not change by asking again; network failures and 5xx may be passing.
  if (error instanceof ApiError && error.status !== NETWORK_ERROR_STATUS && error.status < 500) return false;
  return failureCount < 2;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        // Kept in memory as long as on disk, so what was persisted is still there to persist next time.
        gcTime: MAX_AGE_MS,
      },
      // 'always': a mutation must run (and fail) now, never wait silently for a connection. Writes
      // check the connection themselves (network/online.ts assertOnline) and say why they refuse.
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

// Typed by shape rather than as `Query`: the persister is built on its own copy of query-core (5.104)
// next to react-query's (5.108), and their Query classes are not assignable to each other.
interface PersistCandidate {
  queryKey: readonly unknown[];
  state: { status: string };
}

const shouldPersist = (query: PersistCandidate) => query.state.status === 'success' && persistedRoots.includes(String(query.queryKey[0]));

interface CacheControl {
  /** Forgets every cached answer, in memory and on the device: the next account must not see them. */
  forget(): Promise<void>;
}

const CacheControlContext = createContext<CacheControl>({ forget: async () => undefined });

export function QueryProvider({ children, persist = persistsByDefault }: { children: ReactNode; persist?: boolean }) {
  // Per mount, not per module: each mount (and each test render) starts from what storage holds.
  const [queryClient] = useState(createQueryClient);
  const [persister] = useState(() =>
    createAsyncStoragePersister({ storage: persist ? AsyncStorage : null, key: CACHE_KEY, throttleTime: 500, retry: removeOldestQuery }),
  );
  const cacheControl = useMemo<CacheControl>(
    () => ({
      forget: async () => {
        queryClient.clear();
        await persister.removeClient();
      },
    }),
    [queryClient, persister],
  );

  return (
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={{
        persister,
        maxAge: MAX_AGE_MS,
        buster: CACHE_VERSION,
        dehydrateOptions: { shouldDehydrateQuery: shouldPersist },
      }}
    >
      <CacheControlContext.Provider value={cacheControl}>{children}</CacheControlContext.Provider>
    </PersistQueryClientProvider>
  );
}

export function useCacheControl(): CacheControl {
  return useContext(CacheControlContext);
}
