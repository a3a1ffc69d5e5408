import { Pressable, StyleSheet, Text } from 'react-native';

import { useTheme } from '../theme';

interface Props {
  label: string;
  selected: boolean;
  onPress: () => void;
  accessibilityLabel?: string;
  disabled?: boolean;
}

/** A small toggle for filters and choices; "selected" is announced, not only coloured. */
export function Chip({ label, selected, onPress, accessibilityLabel, disabled = false }: Props) {
  const theme = useTheme();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel ?? label}
      accessibilityState={{ selected, disabled }}
      disabled={disabled}
      onPress={onPress}
      hitSlop={4}
      style={({ pressed }) => [
        styles.chip,
        { borderColor: selected ? theme.primary : theme.border, backgroundColor: selected ? theme.accentSurface : theme.surface },
        (pressed || disabled) && styles.dimmed,
      ]}
    >
      <Text style={[styles.label, { color: selected ? theme.primary : theme.text }]}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  chip: { borderWidth: 1, borderRadius: 16, paddingHorizontal: 12, paddingVertical: 6, minHeight: 32, justifyContent: 'center' },
  label: { fontSize: 14, fontWeight: '500' },
  dimmed: { opacity: 0.6 },
});
