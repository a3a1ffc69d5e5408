import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

import { config } from '../config';
import { defaultSettings, loadSettings, saveSettings, type Settings } from './settings-store';

interface SettingsContextValue {
  settings: Settings;
  /** The URL requests go to: the device override, else the build's. */
  gatewayUrl: string;
  update(change: Partial<Settings>): Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue>({
  settings: defaultSettings,
  gatewayUrl: config.gatewayUrl,
  update: async () => undefined,
});

/** Renders `fallback` until the stored settings are read, so nothing talks to the wrong gateway first. */
export function SettingsProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  // The latest settings for `update`, which merges a change into them without waiting for a render.
  const latest = useRef<Settings>(defaultSettings);

  useEffect(() => {
    let active = true;
    void loadSettings().then((loaded) => {
      if (!active) return;
      latest.current = loaded;
      setSettings(loaded);
    });
    return () => {
      active = false;
    };
  }, []);

  const update = useCallback(async (change: Partial<Settings>) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    setSettings(next);
    await saveSettings(next);
  }, []);

  const value = useMemo(
    () => (settings === null ? null : { settings, gatewayUrl: settings.gatewayUrl ?? config.gatewayUrl, update }),
    [settings, update],
  );
  if (value === null) return fallback;
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  return useContext(SettingsContext);
}
