export const COMMS_SETTINGS = Symbol('CommsSettings');

export interface CommsSettings {
  mailFrom: string;
  webUrl: string;
  maxAttempts: number;
  pollMs: number;
}
