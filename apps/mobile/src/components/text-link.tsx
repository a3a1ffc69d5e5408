import { useRouter, type Href } from 'expo-router';
import { Pressable, StyleSheet, Text } from 'react-native';

import { useTheme } from '../theme';

/** Navigation that reads as a link (role "link"), for secondary paths such as "Forgot your password?". */
export function TextLink({ title, href, replace = false }: { title: string; href: Href; replace?: boolean }) {
  const router = useRouter();
  const theme = useTheme();
  return (
    <Pressable
      accessibilityRole="link"
      accessibilityLabel={title}
      onPress={() => (replace ? router.replace(href) : router.push(href))}
      hitSlop={8}
      style={styles.link}
    >
      <Text style={[styles.text, { color: theme.primary }]}>{title}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  link: { paddingVertical: 6, alignSelf: 'center' },
  text: { fontSize: 15, fontWeight: '600' },
});
