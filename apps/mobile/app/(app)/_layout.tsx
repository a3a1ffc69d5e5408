import { Stack } from 'expo-router';

import { useT } from '../../src/i18n/i18n';
import { useTheme } from '../../src/theme';

export const unstable_settings = {
  // Deep links into a task still get the tabs underneath, so "back" leads somewhere sensible.
  initialRouteName: '(tabs)',
};

export default function SignedInLayout() {
  const theme = useTheme();
  const t = useT();
  return (
    <Stack
      screenOptions={{
        headerStyle: { backgroundColor: theme.surface },
        headerTintColor: theme.text,
        contentStyle: { backgroundColor: theme.background },
      }}
    >
      <Stack.Screen name="(tabs)" options={{ headerShown: false }} />
      <Stack.Screen name="projects/[projectId]/index" options={{ title: t('tasks.title') }} />
      <Stack.Screen name="projects/[projectId]/new-task" options={{ title: t('newTask.title') }} />
      <Stack.Screen name="projects/[projectId]/tasks/[taskId]" options={{ title: t('task.title') }} />
      <Stack.Screen name="preferences" options={{ title: t('preferences.title') }} />
      <Stack.Screen name="sessions" options={{ title: t('sessions.title') }} />
    </Stack>
  );
}
