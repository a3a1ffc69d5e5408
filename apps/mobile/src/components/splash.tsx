import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { useT } from '../i18n/i18n';
import { useTheme } from '../theme';

/** While stored settings and the session are read: a moment, so no sign-in screen flashes first. */
export function Splash() {
  const theme = useTheme();
  // Before the settings are read this speaks the device's language, which is what they default to.
  const t = useT();
  return (
    <View style={[styles.root, { backgroundColor: theme.background }]}>
      <ActivityIndicator accessibilityLabel={t('app.loading')} color={theme.primary} />
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1, alignItems: 'center', justifyContent: 'center' },
});
