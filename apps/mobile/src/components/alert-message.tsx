import { StyleSheet, Text } from 'react-native';

import { useTheme } from '../theme';

/** A general (not per-field) error; role "alert" and a live region make screen readers announce it. */
export function AlertMessage({ message }: { message: string }) {
  const theme = useTheme();
  return (
    <Text accessibilityRole="alert" accessibilityLiveRegion="polite" style={[styles.alert, { color: theme.danger }]}>
      {message}
    </Text>
  );
}

const styles = StyleSheet.create({
  alert: { fontSize: 15 },
});
