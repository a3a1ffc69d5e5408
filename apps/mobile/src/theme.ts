import { useColorScheme } from 'react-native';

export interface Theme {
  background: string;
  surface: string;
  text: string;
  mutedText: string;
  border: string;
  primary: string;
  onPrimary: string;
  danger: string;
}

const light: Theme = {
  background: '#f6f7f9',
  surface: '#ffffff',
  text: '#111827',
  mutedText: '#4b5563',
  border: '#d1d5db',
  primary: '#2563eb',
  onPrimary: '#ffffff',
  danger: '#b91c1c',
};

// Dark colours are chosen for contrast on the dark background, not inverted: the error red and the
// primary blue of the light theme fall below WCAG AA contrast on near-black.
const dark: Theme = {
  background: '#0b0f17',
  surface: '#161b26',
  text: '#f3f4f6',
  mutedText: '#9ca3af',
  border: '#374151',
  primary: '#60a5fa',
  onPrimary: '#0b0f17',
  danger: '#f87171',
};

/** Follows the system appearance (app.json sets userInterfaceStyle "automatic"). */
export function useTheme(): Theme {
  return useColorScheme() === 'dark' ? dark : light;
}
