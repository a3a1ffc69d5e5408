import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';

import { Chip } from '../components/chip';
import { PrimaryButton } from '../components/primary-button';
import { Screen } from '../components/screen';
import { TextField } from '../components/text-field';
import { config, normalizeGatewayUrl } from '../config';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session-provider';
import { useSettings } from '../settings/settings-provider';
import type { LanguagePreference, ThemePreference } from '../settings/settings-store';
import { useTheme } from '../theme';

const themes: readonly ThemePreference[] = ['system', 'light', 'dark'];
const languages: readonly LanguagePreference[] = ['system', 'en', 'de'];

/** Device settings: which gateway to talk to (for testers), appearance and language. */
export function SettingsScreen() {
  const t = useT();
  const theme = useTheme();
  const { settings, gatewayUrl, update } = useSettings();
  const { status, signOut } = useSession();
  const [url, setUrl] = useState(gatewayUrl);
  const [urlError, setUrlError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  const saveUrl = async (next: string | null) => {
    setSaved(false);
    const normalized = next === null ? null : normalizeGatewayUrl(next);
    if (next !== null && normalized === null) {
      setUrlError(t('settings.urlInvalid'));
      return;
    }
    setUrlError(undefined);
    const effective = normalized ?? config.gatewayUrl;
    if (effective !== gatewayUrl && status === 'signed-in') {
      // Tokens belong to the gateway that issued them; they mean nothing to another one.
      await signOut();
    }
    await update({ gatewayUrl: normalized === config.gatewayUrl ? null : normalized });
    setUrl(effective);
    setSaved(true);
  };

  return (
    <Screen>
      <Text accessibilityRole="header" style={[styles.heading, { color: theme.text }]}>
        {t('settings.server')}
      </Text>
      <TextField
        label={t('settings.gatewayUrl')}
        value={url}
        onChangeText={setUrl}
        error={urlError}
        autoCapitalize="none"
        autoCorrect={false}
        keyboardType="url"
        onSubmitEditing={() => void saveUrl(url)}
      />
      <Text style={[styles.hint, { color: theme.mutedText }]}>{t('settings.urlHint', { url: config.gatewayUrl })}</Text>
      {saved ? (
        <Text accessibilityLiveRegion="polite" style={{ color: theme.text }}>
          {t('settings.urlSaved', { url: gatewayUrl })}
        </Text>
      ) : null}
      <PrimaryButton title={t('settings.saveUrl')} onPress={() => void saveUrl(url)} />
      <PrimaryButton
        title={t('settings.resetUrl')}
        onPress={() => void saveUrl(null)}
        variant="outlined"
        disabled={settings.gatewayUrl === null}
      />

      <Text accessibilityRole="header" style={[styles.heading, { color: theme.text }]}>
        {t('settings.appearance')}
      </Text>
      <View style={styles.chips}>
        {themes.map((value) => (
          <Chip
            key={value}
            label={t(`settings.theme.${value}`)}
            accessibilityLabel={t('settings.themeLabel', { theme: t(`settings.theme.${value}`) })}
            selected={settings.theme === value}
            onPress={() => void update({ theme: value })}
          />
        ))}
      </View>

      <Text accessibilityRole="header" style={[styles.heading, { color: theme.text }]}>
        {t('settings.language')}
      </Text>
      <View style={styles.chips}>
        {languages.map((value) => (
          <Chip
            key={value}
            label={t(`settings.language.${value}`)}
            accessibilityLabel={t('settings.languageLabel', { language: t(`settings.language.${value}`) })}
            selected={settings.language === value}
            onPress={() => void update({ language: value })}
          />
        ))}
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({
  heading: { fontSize: 18, fontWeight: '700', paddingTop: 8 },
  hint: { fontSize: 14 },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 },
});
