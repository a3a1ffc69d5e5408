// A controllable stand-in for @react-native-community/netinfo, whose native module does not exist
// under Jest. Tests flip the connection with setConnected and every subscriber hears it, as
// react-query's onlineManager does in the app (src/network/online.ts).
type Listener = (state: { isConnected: boolean | null; isInternetReachable: boolean | null }) => void;

const listeners = new Set<Listener>();
let connected = true;

const state = () => ({ type: connected ? 'wifi' : 'none', isConnected: connected, isInternetReachable: connected, details: null });

export const netInfoMock = {
  addEventListener: (listener: Listener) => {
    listeners.add(listener);
    listener(state());
    return () => listeners.delete(listener);
  },
  fetch: async () => state(),
  refresh: async () => state(),
  configure: () => undefined,
  useNetInfo: () => state(),
};

export function setConnected(value: boolean): void {
  connected = value;
  for (const listener of listeners) listener(state());
}
