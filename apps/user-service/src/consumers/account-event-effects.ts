import type { EventData } from '@msp/events';
import type { Db, EventRecorder } from '@msp/platform';
import type { DirectoryRepository } from '../directory/directory.repository.js';
import type { PreferencesRepository } from '../preferences/preferences.repository.js';
import { recordProfileUpdated } from '../profiles/profiles.events.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';

/** The auth events the user queue takes: each changes the account facts the directory keeps. */
export const CONSUMED_AUTH_EVENTS = [
  'auth.user.registered.v1',
  'auth.email.verified.v1',
  'auth.user.suspended.v1',
  'auth.user.unsuspended.v1',
  'auth.user.roles_changed.v1',
  'auth.user.deleted.v1',
] as const;

export type ConsumedAuthEvent = (typeof CONSUMED_AUTH_EVENTS)[number];

export interface EffectContext {
  directory: DirectoryRepository;
  profiles: ProfilesRepository;
  preferences: PreferencesRepository;
  /** The transaction the inbox opened: every query of an effect must use it. */
  tx: Db;
  events: EventRecorder;
  /** The event's time: decides which of two out-of-order facts is the newer. */
  at: Date;
}

/** Resolves true when the effect changed the profile, so its cached copy must go. */
type Effect<T extends ConsumedAuthEvent> = (data: EventData<T>, context: EffectContext) => Promise<boolean>;

const effects: { [T in ConsumedAuthEvent]: Effect<T> } = {
  'auth.user.registered.v1': async (data, { directory, profiles, tx, at }) => {
    await directory.applyFacts({ userId: data.userId, at }, tx);
    // The profile normally exists (auth creates it first); this heals one lost to a compensation
    // race, but never brings back the person of a deletion that arrived before the registration.
    if ((await directory.statusOf(data.userId, tx)) === 'deleted') return false;
    await profiles.insertIfAbsent({ userId: data.userId, email: data.email, displayName: data.displayName, locale: data.locale }, tx);
    return true;
  },
  'auth.email.verified.v1': async (data, { directory, tx, at }) => {
    await directory.applyFacts({ userId: data.userId, at, emailVerified: true }, tx);
    return false;
  },
  'auth.user.suspended.v1': async (data, { directory, tx, at }) => {
    await directory.applyFacts({ userId: data.userId, at, status: 'suspended' }, tx);
    return false;
  },
  'auth.user.unsuspended.v1': async (data, { directory, tx, at }) => {
    await directory.applyFacts({ userId: data.userId, at, status: 'active' }, tx);
    return false;
  },
  'auth.user.roles_changed.v1': async (data, { directory, tx, at }) => {
    await directory.applyFacts({ userId: data.userId, at, roles: [...new Set(data.roles)] }, tx);
    return false;
  },
  /**
   * The account is gone: the profile keeps its row (other services' references stay valid) but
   * nothing that identifies the person, preferences are dropped, and the anonymised profile is
   * published so services holding a copy of the name and address replace theirs.
   */
  'auth.user.deleted.v1': async (data, { directory, profiles, preferences, tx, events, at }) => {
    const alreadyDeleted = (await directory.statusOf(data.userId, tx)) === 'deleted';
    await directory.applyFacts({ userId: data.userId, at, status: 'deleted' }, tx);
    if (alreadyDeleted) return false;
    const anonymised = await profiles.anonymise(data.userId, tx);
    await preferences.delete(data.userId, tx);
    if (anonymised) await recordProfileUpdated(events, anonymised);
    return true;
  },
};

export function isConsumedAuthEvent(type: string): type is ConsumedAuthEvent {
  return Object.hasOwn(effects, type);
}

export function applyAuthEvent<T extends ConsumedAuthEvent>(type: T, data: EventData<T>, context: EffectContext): Promise<boolean> {
  // The map pairs each type with its own effect; TypeScript cannot follow that through an index.
  const effect = effects[type] as Effect<ConsumedAuthEvent>;
  return effect(data, context);
}
