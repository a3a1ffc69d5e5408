import { type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { PreferencesRepository } from '../preferences/preferences.repository.js';
import { effectivePreferences } from '../preferences/preferences.rules.js';
import { ProfilesRepository } from '../profiles/profiles.repository.js';
import { ExportError } from './export.errors.js';

/** The user service's part of a data export; the gateway gathers the other services' parts. */
export interface UserDataExport {
  profile: {
    userId: string;
    email: string;
    displayName: string;
    locale: string;
    timezone: string;
    avatarUrl: string | null;
    createdAt: string;
    updatedAt: string;
  };
  notificationPreferences: { email: Record<string, boolean> };
  /** The account facts this service keeps a copy of (the auth service's part has the originals). */
  account: { roles: string[]; status: string; emailVerified: boolean; createdAt: string } | null;
}

/** Everything the user service holds about the caller, read from the database (never the cache). */
@Injectable()
export class ExportService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly preferences: PreferencesRepository,
    private readonly directory: DirectoryRepository,
  ) {}

  async export(caller: Caller | undefined): Promise<UserDataExport> {
    if (!caller) throw new ExportError('UNAUTHENTICATED', 'Sign in first.');
    const { userId } = caller;
    const [profile, stored, account] = await Promise.all([
      this.profiles.findById(userId),
      this.preferences.find(userId),
      this.directory.findSummary(userId),
    ]);
    if (!profile) throw new ExportError('PROFILE_NOT_FOUND', 'No such profile.');
    return {
      profile: {
        userId: profile.userId,
        email: profile.email,
        displayName: profile.displayName,
        locale: profile.locale,
        timezone: profile.timezone,
        avatarUrl: profile.avatarUrl,
        createdAt: profile.createdAt.toISOString(),
        updatedAt: profile.updatedAt.toISOString(),
      },
      notificationPreferences: { email: effectivePreferences(stored) },
      account: account
        ? { roles: account.roles, status: account.status, emailVerified: account.emailVerified, createdAt: account.createdAt.toISOString() }
        : null,
    };
  }
}
