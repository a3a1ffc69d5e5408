import { ActivityIndicator, Pressable, StyleSheet, Text } from 'react-native';

import { useTheme } from '../theme';

interface Props {
  title: string;
  onPress: () => void;
  busy?: boolean;
  disabled?: boolean;
  variant?: 'filled' | 'outlined';
  /** When the visible title alone is ambiguous on the screen (e.g. "Revoke" in a list of sessions). */
  accessibilityLabel?: string;
}

/** Disabled while busy so a second tap cannot send the same request twice. */
export function PrimaryButton({ title, onPress, busy = false, disabled = false, variant = 'filled', accessibilityLabel }: Props) {
  const theme = useTheme();
  const filled = variant === 'filled';
  const inactive = busy || disabled;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel ?? title}
      accessibilityState={{ disabled: inactive, busy }}
      disabled={inactive}
      onPress={onPress}
      style={({ pressed }) => [
        styles.button,
        filled ? { backgroundColor: theme.primary } : { borderColor: theme.primary, borderWidth: 1 },
        (pressed || inactive) && styles.dimmed,
      ]}
    >
      {busy ? <ActivityIndicator color={filled ? theme.onPrimary : theme.primary} /> : null}
      <Text style={[styles.title, { color: filled ? theme.onPrimary : theme.primary }]}>{title}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  button: {
    flexDirection: 'row',
    justifyContent: 'center',
    alignItems: 'center',
    gap: 8,
    borderRadius: 8,
    paddingVertical: 12,
    minHeight: 48,
  },
  dimmed: { opacity: 0.6 },
  title: { fontSize: 16, fontWeight: '600' },
});
