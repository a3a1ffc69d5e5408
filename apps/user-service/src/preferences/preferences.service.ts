import { UnitOfWork, type Caller, type Db, type EventRecorder } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { ProfilesRepository } from '../profiles/profiles.repository.js';
import { PreferencesError } from './preferences.errors.js';
import { PreferencesRepository } from './preferences.repository.js';
import {
  canTurnOff,
  effectivePreferences,
  isEmailCategory,
  samePreferences,
  validatePreferences,
  type EmailPreferences,
} from './preferences.rules.js';

/** What an unsubscribe did: only `turned_off` changed anything (and only when the category was on). */
export type TurnOffOutcome = 'turned_off' | 'unknown_category' | 'locked_on' | 'no_profile';

/** Email notification preferences; every change is published for the senders. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly profiles: ProfilesRepository,
    private readonly directory: DirectoryRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async get(caller: Caller | undefined): Promise<EmailPreferences> {
    const { userId } = signedIn(caller);
    return effectivePreferences(await this.preferences.find(userId));
  }

  /** Replaces the caller's whole set; `user.preferences.updated.v1` carries every category when it changed. */
  async update(caller: Caller | undefined, requested: Record<string, boolean>): Promise<EmailPreferences> {
    const { userId } = signedIn(caller);
    const next = validatePreferences(requested);
    return this.unitOfWork.run(async (tx, events) => {
      if (!(await this.lockLiveProfile(userId, tx))) throw new PreferencesError('PROFILE_NOT_FOUND', 'No such profile.');
      await this.save(userId, next, tx, events);
      return next;
    });
  }

  /**
   * Turns one category off because its owner used an email's unsubscribe link (comms already stopped
   * sending it). Runs in the caller's transaction (the consumer's inbox) and takes the same path as
   * `update`, so the change is published the same way. A category that cannot be turned off
   * (security), an unknown one or a deleted account changes nothing: the outcome says which.
   */
  async turnOff(userId: string, category: string, tx: Db, events: EventRecorder): Promise<TurnOffOutcome> {
    if (!isEmailCategory(category)) return 'unknown_category';
    if (!canTurnOff(category)) return 'locked_on';
    if (!(await this.lockLiveProfile(userId, tx))) return 'no_profile';
    const current = effectivePreferences(await this.preferences.find(userId, tx));
    await this.save(userId, { ...current, [category]: false }, tx, events);
    return 'turned_off';
  }

  /**
   * The row belongs to a profile (foreign key); a deleted account keeps no preferences. The profile
   * lock orders a change with a concurrent deletion, which would otherwise drop the row first.
   */
  private async lockLiveProfile(userId: string, tx: Db): Promise<boolean> {
    const exists = (await this.profiles.findByIdForUpdate(userId, tx)) !== undefined;
    return exists && (await this.directory.statusOf(userId, tx)) !== 'deleted';
  }

  private async save(userId: string, next: EmailPreferences, tx: Db, events: EventRecorder): Promise<void> {
    const current = effectivePreferences(await this.preferences.find(userId, tx));
    await this.preferences.save(userId, next, tx);
    if (!samePreferences(current, next)) {
      await events.add({ type: 'user.preferences.updated.v1', subject: userId, data: { userId, email: next } });
    }
  }
}

function signedIn(caller: Caller | undefined): Caller {
  if (!caller) throw new PreferencesError('UNAUTHENTICATED', 'Sign in first.');
  return caller;
}
