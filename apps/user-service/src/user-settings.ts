export const USER_SETTINGS = Symbol('UserSettings');

export interface UserSettings {
  profileCacheTtlSeconds: number;
}
