import NetInfo from '@react-native-community/netinfo';
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

// React Query only knows the browser's online events by default, which React Native does not have.
// NetInfo tells it instead, so queries pause (and show what is cached) rather than fail when the
// device has no connection, and refetch by themselves when it comes back. An unknown state (null, at
// start-up) counts as online: better one failed request than a banner that lies.
onlineManager.setEventListener((setOnline) =>
  NetInfo.addEventListener((state) => {
    setOnline(state.isConnected !== false);
  }),
);

export function isOnline(): boolean {
  return onlineManager.isOnline();
}

/** Whether the device has a connection, re-rendering when that changes. */
export function useIsOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => onlineManager.subscribe(onChange),
    () => onlineManager.isOnline(),
  );
}

/** A write attempted without a connection. Writes are refused, never queued: see assertOnline. */
export class OfflineError extends Error {
  constructor() {
    super('offline');
    this.name = 'OfflineError';
  }
}

/**
 * Every write calls this first. A queued write could be lost when the app is closed before the
 * connection returns, or apply stale data over someone else's change much later, so the app refuses
 * it instead and says so; the form keeps what was typed for another try.
 */
export function assertOnline(): void {
  if (!onlineManager.isOnline()) throw new OfflineError();
}
