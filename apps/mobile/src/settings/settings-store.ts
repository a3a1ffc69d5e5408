import AsyncStorage from '@react-native-async-storage/async-storage';

import { normalizeGatewayUrl } from '../config';

export type ThemePreference = 'system' | 'light' | 'dark';
export type LanguagePreference = 'system' | 'en' | 'de';

/** Device-local preferences: not secrets, so AsyncStorage (not the keychain) is the right home. */
export interface Settings {
  /** Overrides the build-time gateway URL; null uses the build's. */
  gatewayUrl: string | null;
  theme: ThemePreference;
  language: LanguagePreference;
}

export const defaultSettings: Settings = { gatewayUrl: null, theme: 'system', language: 'system' };

const KEY = 'msp.settings';
const themes: readonly ThemePreference[] = ['system', 'light', 'dark'];
const languages: readonly LanguagePreference[] = ['system', 'en', 'de'];

/** What was stored, field by field: a value from an older or broken build falls back to its default. */
function parse(raw: string | null): Settings {
  if (raw === null) return defaultSettings;
  let stored: Partial<Record<keyof Settings, unknown>>;
  try {
    stored = JSON.parse(raw) as typeof stored;
  } catch {
    return defaultSettings;
  }
  const gatewayUrl = typeof stored.gatewayUrl === 'string' ? normalizeGatewayUrl(stored.gatewayUrl) : null;
  const theme = themes.find((t) => t === stored.theme) ?? defaultSettings.theme;
  const language = languages.find((l) => l === stored.language) ?? defaultSettings.language;
  return { gatewayUrl, theme, language };
}

export async function loadSettings(): Promise<Settings> {
  try {
    return parse(await AsyncStorage.getItem(KEY));
  } catch {
    // Unreadable storage must not keep the app from starting; the defaults work everywhere.
    return defaultSettings;
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await AsyncStorage.setItem(KEY, JSON.stringify(settings));
}
