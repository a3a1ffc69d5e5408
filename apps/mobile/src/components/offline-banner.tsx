import { StyleSheet, Text, View } from 'react-native';

import { useT } from '../i18n/i18n';
import { useIsOnline } from '../network/online';
import { useTheme } from '../theme';

/** Says why the data may be old and why saving will not work, for as long as there is no connection. */
export function OfflineBanner() {
  const online = useIsOnline();
  const theme = useTheme();
  const t = useT();
  if (online) return null;
  return (
    <View
      accessibilityRole="summary"
      accessibilityLiveRegion="polite"
      accessibilityLabel={t('offline.banner')}
      testID="offline-banner"
      style={[styles.banner, { backgroundColor: theme.warning }]}
    >
      <Text style={[styles.text, { color: theme.onWarning }]}>{t('offline.banner')}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  banner: { paddingHorizontal: 16, paddingVertical: 10 },
  text: { fontSize: 14, fontWeight: '600' },
});
