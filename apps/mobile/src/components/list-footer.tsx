import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { useTheme } from '../theme';
import { PrimaryButton } from './primary-button';

interface Props {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  loadMoreLabel: string;
}

/**
 * The end of a paged list: a spinner while the next page loads, else a button for it. Scrolling to the
 * end loads it too; the button is for screen readers, keyboards and the web, where there may be no
 * scroll gesture to make.
 */
export function ListFooter({ hasNextPage, isFetchingNextPage, onLoadMore, loadMoreLabel }: Props) {
  const theme = useTheme();
  if (isFetchingNextPage) return <ActivityIndicator style={styles.footer} accessibilityLabel={loadMoreLabel} color={theme.primary} />;
  if (!hasNextPage) return null;
  return (
    <View style={styles.footer}>
      <PrimaryButton title={loadMoreLabel} onPress={onLoadMore} variant="outlined" />
    </View>
  );
}

const styles = StyleSheet.create({
  footer: { padding: 16 },
});
