import { UnitOfWork, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { ProfilesRepository } from '../profiles/profiles.repository.js';
import { PreferencesError } from './preferences.errors.js';
import { PreferencesRepository } from './preferences.repository.js';
import { effectivePreferences, samePreferences, validatePreferences, type EmailPreferences } from './preferences.rules.js';

/** The caller's own email notification preferences; every change is published for the senders. */
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

  /** Replaces the whole set; `user.preferences.updated.v1` carries every category when it changed. */
  async update(caller: Caller | undefined, requested: Record<string, boolean>): Promise<EmailPreferences> {
    const { userId } = signedIn(caller);
    const next = validatePreferences(requested);
    return this.unitOfWork.run(async (tx, events) => {
      // The row belongs to a profile (foreign key); a deleted account keeps no preferences. The profile
      // lock orders this change with a concurrent deletion, which would otherwise drop the row first.
      const exists = (await this.profiles.findByIdForUpdate(userId, tx)) !== undefined;
      if (!exists || (await this.directory.statusOf(userId, tx)) === 'deleted') {
        throw new PreferencesError('PROFILE_NOT_FOUND', 'No such profile.');
      }
      const current = effectivePreferences(await this.preferences.find(userId, tx));
      await this.preferences.save(userId, next, tx);
      if (!samePreferences(current, next)) {
        await events.add({ type: 'user.preferences.updated.v1', subject: userId, data: { userId, email: next } });
      }
      return next;
    });
  }
}

function signedIn(caller: Caller | undefined): Caller {
  if (!caller) throw new PreferencesError('UNAUTHENTICATED', 'Sign in first.');
  return caller;
}
