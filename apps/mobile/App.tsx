import { StatusBar } from 'expo-status-bar';
import { useCallback, useEffect, useState } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { createGatewayClient } from './src/api/gateway-client';
import { createTokenStore } from './src/auth/token-store';
import { config } from './src/config';
import { HomeScreen } from './src/screens/home-screen';
import { SignInScreen } from './src/screens/sign-in-screen';
import { useTheme } from './src/theme';

type Session = 'loading' | 'signed-out' | 'signed-in';

export default function App() {
  const theme = useTheme();
  const [session, setSession] = useState<Session>('loading');
  // Created per mount rather than at module load, so every mount (and every test render) starts from
  // what secure storage holds instead of a copy cached by an earlier one.
  const [tokenStore] = useState(() => createTokenStore());
  const [client] = useState(() =>
    createGatewayClient({
      baseUrl: config.gatewayUrl,
      tokenStore,
      onSessionExpired: () => setSession('signed-out'),
    }),
  );

  useEffect(() => {
    let active = true;
    tokenStore.load().then(
      (tokens) => active && setSession(tokens === null ? 'signed-out' : 'signed-in'),
      // An unreadable keychain entry (e.g. after restoring a backup to a new device) is no session.
      () => active && setSession('signed-out'),
    );
    return () => {
      active = false;
    };
  }, [tokenStore]);

  const signedIn = useCallback(() => setSession('signed-in'), []);
  const signedOut = useCallback(() => setSession('signed-out'), []);

  return (
    <View style={[styles.root, { backgroundColor: theme.background }]}>
      {session === 'loading' ? <ActivityIndicator style={styles.root} accessibilityLabel="Loading" color={theme.primary} /> : null}
      {session === 'signed-out' ? <SignInScreen client={client} onSignedIn={signedIn} /> : null}
      {session === 'signed-in' ? <HomeScreen client={client} onSignedOut={signedOut} /> : null}
      <StatusBar style="auto" />
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
});
