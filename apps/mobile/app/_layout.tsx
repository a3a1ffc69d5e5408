import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';

import { QueryProvider } from '../src/api/query-provider';
import { Splash } from '../src/components/splash';
import { useT } from '../src/i18n/i18n';
import { SessionProvider, useSession } from '../src/session/session-provider';
import { SettingsProvider } from '../src/settings/settings-provider';
import { useTheme } from '../src/theme';

// Settings come first (they name the gateway), then the query cache (restored from the device), then
// the session, which needs both: its client talks to the configured gateway and clears the cache.
export default function RootLayout() {
  return (
    <SettingsProvider fallback={<Splash />}>
      <QueryProvider>
        <SessionProvider>
          <RootNavigator />
        </SessionProvider>
      </QueryProvider>
    </SettingsProvider>
  );
}

function RootNavigator() {
  const { status } = useSession();
  const theme = useTheme();
  const t = useT();
  if (status === 'loading') return <Splash />;
  return (
    <>
      <Stack
        screenOptions={{
          headerStyle: { backgroundColor: theme.surface },
          headerTintColor: theme.text,
          contentStyle: { backgroundColor: theme.background },
        }}
      >
        {/* Protected groups: when the session starts or ends, the router leaves the group that just
            became unavailable by itself, so no screen has to navigate after sign-in or sign-out. */}
        <Stack.Protected guard={status === 'signed-in'}>
          <Stack.Screen name="(app)" options={{ headerShown: false }} />
        </Stack.Protected>
        <Stack.Protected guard={status === 'signed-out'}>
          <Stack.Screen name="(auth)" options={{ headerShown: false }} />
        </Stack.Protected>
        <Stack.Screen name="settings" options={{ title: t('settings.title') }} />
        <Stack.Screen name="verify-email" options={{ headerShown: false }} />
      </Stack>
      <StatusBar style={theme.scheme === 'dark' ? 'light' : 'dark'} />
    </>
  );
}
