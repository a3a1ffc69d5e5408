import { useCallback, useEffect, useRef, useState } from 'react';
import { ActivityIndicator, ScrollView, StyleSheet, Text, View } from 'react-native';

import { ApiError } from '../api/api-error';
import { describeError } from '../api/error-messages';
import type { GatewayClient, Me } from '../api/gateway-client';
import { AlertMessage } from '../components/alert-message';
import { PrimaryButton } from '../components/primary-button';
import { useTheme } from '../theme';

interface Props {
  client: GatewayClient;
  onSignedOut: () => void;
}

type Profile = { state: 'loading' } | { state: 'loaded'; me: Me } | { state: 'failed'; message: string };

export function HomeScreen({ client, onSignedOut }: Props) {
  const theme = useTheme();
  const [profile, setProfile] = useState<Profile>({ state: 'loading' });
  const [signingOut, setSigningOut] = useState(false);

  // An answer that arrives after the screen is gone (e.g. signed out while loading) is ignored.
  const active = useRef(false);

  const load = useCallback(() => {
    setProfile({ state: 'loading' });
    client.me().then(
      (me) => active.current && setProfile({ state: 'loaded', me }),
      (error: unknown) => {
        if (!active.current) return;
        // 401 here means even a refresh could not save the session: back to sign-in, not a retry loop.
        if (error instanceof ApiError && error.status === 401) onSignedOut();
        else setProfile({ state: 'failed', message: describeError(error, 'Your session has ended.') });
      },
    );
  }, [client, onSignedOut]);

  useEffect(() => {
    active.current = true;
    load();
    return () => {
      active.current = false;
    };
  }, [load]);

  async function signOut() {
    setSigningOut(true);
    await client.logout();
    onSignedOut();
  }

  return (
    <ScrollView style={{ backgroundColor: theme.background }} contentContainerStyle={styles.content}>
      <Text accessibilityRole="header" style={[styles.title, { color: theme.text }]}>
        Your account
      </Text>
      {profile.state === 'loading' ? <ActivityIndicator accessibilityLabel="Loading your profile" color={theme.primary} /> : null}
      {profile.state === 'loaded' ? (
        <View style={[styles.card, { backgroundColor: theme.surface, borderColor: theme.border }]}>
          <Text style={[styles.name, { color: theme.text }]}>{profile.me.displayName}</Text>
          <Text style={[styles.email, { color: theme.mutedText }]}>{profile.me.email}</Text>
        </View>
      ) : null}
      {profile.state === 'failed' ? (
        <>
          <AlertMessage message={profile.message} />
          <PrimaryButton title="Try again" onPress={load} variant="outlined" />
        </>
      ) : null}
      <PrimaryButton title="Sign out" onPress={signOut} busy={signingOut} />
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  content: { flexGrow: 1, padding: 24, paddingTop: 72, gap: 16, maxWidth: 480, width: '100%', alignSelf: 'center' },
  title: { fontSize: 28, fontWeight: '700' },
  card: { borderWidth: 1, borderRadius: 12, padding: 16, gap: 4 },
  name: { fontSize: 20, fontWeight: '600' },
  email: { fontSize: 16 },
});
