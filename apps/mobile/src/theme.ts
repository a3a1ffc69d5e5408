import { useColorScheme } from 'react-native';

import { useSettings } from './settings/settings-provider';

export interface Theme {
  scheme: 'light' | 'dark';
  background: string;
  surface: string;
  text: string;
  mutedText: string;
  border: string;
  primary: string;
  onPrimary: string;
  danger: string;
  /** The offline banner: a warning, not an error — the app still works for reading. */
  warning: string;
  onWarning: string;
  /** Highlights unread notifications and the selected filter. */
  accentSurface: string;
}

const light: Theme = {
  scheme: 'light',
  background: '#f6f7f9',
  surface: '#ffffff',
  text: '#111827',
  mutedText: '#4b5563',
  border: '#d1d5db',
  primary: '#2563eb',
  onPrimary: '#ffffff',
  danger: '#b91c1c',
  warning: '#92400e',
  onWarning: '#fffbeb',
  accentSurface: '#dbeafe',
};

// Dark colours are chosen for contrast on the dark background, not inverted: the error red and the
// primary blue of the light theme fall below WCAG AA contrast on near-black.
const dark: Theme = {
  scheme: 'dark',
  background: '#0b0f17',
  surface: '#161b26',
  text: '#f3f4f6',
  mutedText: '#9ca3af',
  border: '#374151',
  primary: '#60a5fa',
  onPrimary: '#0b0f17',
  danger: '#f87171',
  warning: '#fbbf24',
  onWarning: '#1f1300',
  accentSurface: '#1e3a5f',
};

/** The chosen theme: the system appearance unless the settings screen fixed light or dark. */
export function useTheme(): Theme {
  const system = useColorScheme();
  const { theme } = useSettings().settings;
  const scheme = theme === 'system' ? (system === 'dark' ? 'dark' : 'light') : theme;
  return scheme === 'dark' ? dark : light;
}
