import type { ReactNode } from 'react';
import { ScrollView, StyleSheet, View, type RefreshControlProps } from 'react-native';

import { useTheme } from '../theme';
import { OfflineBanner } from './offline-banner';

interface Props {
  children: ReactNode;
  /** Screens that are one list render it themselves (virtualised); the rest scroll as a whole. */
  scroll?: boolean;
  refreshControl?: React.ReactElement<RefreshControlProps>;
}

/** Every signed-in screen: the offline banner on top, then the content on the theme's background. */
export function Screen({ children, scroll = true, refreshControl }: Props) {
  const theme = useTheme();
  return (
    <View style={[styles.root, { backgroundColor: theme.background }]}>
      <OfflineBanner />
      {scroll ? (
        <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled" refreshControl={refreshControl}>
          {children}
        </ScrollView>
      ) : (
        children
      )}
    </View>
  );
}

export const screenStyles = StyleSheet.create({
  /** Content width on tablets and the web: a phone column, centred. */
  column: { width: '100%', maxWidth: 640, alignSelf: 'center' },
});

const styles = StyleSheet.create({
  root: { flex: 1 },
  content: { padding: 16, gap: 16, width: '100%', maxWidth: 640, alignSelf: 'center' },
});
