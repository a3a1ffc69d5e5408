export const COMMS_SETTINGS = Symbol('CommsSettings');

export interface CommsSettings {
  mailFrom: string;
  webUrl: string;
  /** The gateway's public URL, for `List-Unsubscribe` one-click links. */
  apiPublicUrl: string;
  maxAttempts: number;
  pollMs: number;
}
