import { StyleSheet, Switch, Text, View } from 'react-native';

import { describeError } from '../api/error-messages';
import { AlertMessage } from '../components/alert-message';
import { QueryState } from '../components/query-state';
import { Screen } from '../components/screen';
import { usePreferences, useSavePreferences } from '../features/account/use-account';
import { useT, type MessageKey } from '../i18n/i18n';
import { useTheme } from '../theme';

/** Categories the user service knows; one it adds later still shows, under its code. */
const knownCategories: Record<string, MessageKey> = {
  security: 'preferences.security',
  account: 'preferences.account',
  projects: 'preferences.projects',
  tasks: 'preferences.tasks',
  billing: 'preferences.billing',
  product: 'preferences.product',
};

/** Security emails protect the account; the gateway refuses to turn them off, so the switch is locked. */
const LOCKED_ON = new Set(['security']);

export function NotificationPreferencesScreen() {
  const t = useT();
  const theme = useTheme();
  const preferences = usePreferences();
  const save = useSavePreferences();
  const email = preferences.data?.email ?? {};

  const toggle = (category: string, enabled: boolean) => save.mutate({ email: { ...email, [category]: enabled } });

  return (
    <Screen>
      <Text style={[styles.hint, { color: theme.mutedText }]}>{t('preferences.hint')}</Text>
      <QueryState query={preferences} loadingLabel={t('preferences.loading')} />
      {save.isError ? <AlertMessage message={describeError(save.error, t)} /> : null}
      {Object.entries(email).map(([category, enabled]) => {
        const label = category in knownCategories ? t(knownCategories[category] as MessageKey) : category;
        const locked = LOCKED_ON.has(category);
        return (
          <View key={category} style={[styles.row, { borderColor: theme.border }]}>
            <Text style={[styles.label, { color: theme.text }]}>
              {label}
              {locked ? <Text style={{ color: theme.mutedText }}>{` · ${t('preferences.alwaysOn')}`}</Text> : null}
            </Text>
            <Switch
              accessibilityLabel={t('preferences.toggle', { category: label })}
              // Stated explicitly: not every platform derives the accessible state from `disabled`.
              accessibilityState={{ checked: enabled, disabled: locked || save.isPending }}
              value={enabled}
              disabled={locked || save.isPending}
              onValueChange={(value) => toggle(category, value)}
            />
          </View>
        );
      })}
    </Screen>
  );
}

const styles = StyleSheet.create({
  hint: { fontSize: 15 },
  row: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', borderBottomWidth: 1, paddingVertical: 10, gap: 12 },
  label: { fontSize: 16, flexShrink: 1 },
});
