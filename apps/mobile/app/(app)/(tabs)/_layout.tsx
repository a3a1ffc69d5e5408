import { Tabs } from 'expo-router';
import { StyleSheet, Text, type ColorValue } from 'react-native';

import { useNotifications } from '../../../src/features/notifications/use-notifications';
import { useT } from '../../../src/i18n/i18n';
import { useTheme } from '../../../src/theme';

/** A glyph from the system font: the app ships no icon font, and these render on every platform. */
function TabGlyph({ glyph, color }: { glyph: string; color: ColorValue }) {
  return (
    <Text accessible={false} importantForAccessibility="no" style={[styles.glyph, { color }]}>
      {glyph}
    </Text>
  );
}

export default function TabsLayout() {
  const theme = useTheme();
  const t = useT();
  // Polls while signed in, so the badge counts notifications that arrived since the app opened.
  const { unreadCount } = useNotifications({ poll: true });
  return (
    <Tabs
      screenOptions={{
        headerStyle: { backgroundColor: theme.surface },
        headerTintColor: theme.text,
        tabBarStyle: { backgroundColor: theme.surface, borderTopColor: theme.border },
        tabBarActiveTintColor: theme.primary,
        tabBarInactiveTintColor: theme.mutedText,
        sceneStyle: { backgroundColor: theme.background },
      }}
    >
      <Tabs.Screen
        name="index"
        options={{
          title: t('tabs.projects'),
          tabBarAccessibilityLabel: t('tabs.projects'),
          tabBarIcon: ({ color }) => <TabGlyph glyph="☰" color={color} />,
        }}
      />
      <Tabs.Screen
        name="notifications"
        options={{
          title: t('tabs.notifications'),
          tabBarAccessibilityLabel: unreadCount > 0 ? t('tabs.notificationsUnread', { count: unreadCount }) : t('tabs.notifications'),
          tabBarBadge: unreadCount > 0 ? (unreadCount > 99 ? '99+' : unreadCount) : undefined,
          tabBarIcon: ({ color }) => <TabGlyph glyph="✉" color={color} />,
        }}
      />
      <Tabs.Screen
        name="account"
        options={{
          title: t('tabs.account'),
          tabBarAccessibilityLabel: t('tabs.account'),
          tabBarIcon: ({ color }) => <TabGlyph glyph="☺" color={color} />,
        }}
      />
    </Tabs>
  );
}

const styles = StyleSheet.create({
  glyph: { fontSize: 20, lineHeight: 24 },
});
