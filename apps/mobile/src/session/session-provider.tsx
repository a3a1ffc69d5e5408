import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

import { createGatewayClient, type GatewayClient } from '../api/gateway-client';
import { useCacheControl } from '../api/query-provider';
import { createTokenStore } from '../auth/token-store';
import { useSettings } from '../settings/settings-provider';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

interface SessionValue {
  status: SessionStatus;
  client: GatewayClient;
  /** Call once login or the MFA step has stored the tokens. */
  signedIn(): void;
  /** Ends the session on the gateway (best effort) and forgets everything cached for it. */
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { gatewayUrl } = useSettings();
  const cache = useCacheControl();
  const [status, setStatus] = useState<SessionStatus>('loading');
  // Created per mount rather than at module load, so every mount (and every test render) starts from
  // what secure storage holds instead of a copy cached by an earlier one.
  const [tokenStore] = useState(() => createTokenStore());

  // The client outlives renders (it holds the single-flight refresh), so it reads the latest handler
  // through a ref instead of being rebuilt whenever a callback changes identity.
  const endSession = useRef(() => {});
  endSession.current = () => {
    setStatus('signed-out');
    void cache.forget();
  };
  const client = useMemo(
    () => createGatewayClient({ baseUrl: gatewayUrl, tokenStore, onSessionExpired: () => endSession.current() }),
    [gatewayUrl, tokenStore],
  );

  useEffect(() => {
    let active = true;
    tokenStore.load().then(
      (tokens) => active && setStatus(tokens === null ? 'signed-out' : 'signed-in'),
      // An unreadable keychain entry (e.g. after restoring a backup to a new device) is no session.
      () => active && setStatus('signed-out'),
    );
    return () => {
      active = false;
    };
  }, [tokenStore]);

  const signedIn = useCallback(() => setStatus('signed-in'), []);
  const signOut = useCallback(async () => {
    await client.logout();
    endSession.current();
  }, [client]);

  const value = useMemo(() => ({ status, client, signedIn, signOut }), [status, client, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** The gateway client of the current session, for data hooks. */
export function useClient(): GatewayClient {
  return useSession().client;
}
