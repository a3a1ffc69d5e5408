import { userV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import type { UserSummaryRow } from './directory/directory.repository.js';
import { DirectoryService } from './directory/directory.service.js';
import { ExportService } from './export/export.service.js';
import { PreferencesService } from './preferences/preferences.service.js';
import type { ProfileRow } from './profiles/profiles.repository.js';
import { ProfilesService } from './profiles/profiles.service.js';

/** The gRPC edge of the user service: one line per RPC, messages in and out, nothing else. */
@Injectable()
export class UserGrpc implements userV1.UserServiceImplementation {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly preferences: PreferencesService,
    private readonly directory: DirectoryService,
    private readonly exports: ExportService,
  ) {}

  async createProfile(request: userV1.CreateProfileRequest): Promise<userV1.CreateProfileResponse> {
    return { profile: profileMessage(await this.profiles.create(request)) };
  }

  async getProfile(request: userV1.GetProfileRequest, context: CallContext): Promise<userV1.GetProfileResponse> {
    return { profile: profileMessage(await this.profiles.get(request.userId, callerOf(context))) };
  }

  async deleteProfile(request: userV1.DeleteProfileRequest): Promise<userV1.DeleteProfileResponse> {
    await this.profiles.delete(request.userId);
    return {};
  }

  async updateProfile(request: userV1.UpdateProfileRequest, context: CallContext): Promise<userV1.UpdateProfileResponse> {
    return { profile: profileMessage(await this.profiles.update(callerOf(context), request)) };
  }

  async getPreferences(_request: userV1.GetPreferencesRequest, context: CallContext): Promise<userV1.GetPreferencesResponse> {
    return { email: await this.preferences.get(callerOf(context)) };
  }

  async updatePreferences(request: userV1.UpdatePreferencesRequest, context: CallContext): Promise<userV1.UpdatePreferencesResponse> {
    return { email: await this.preferences.update(callerOf(context), request.email) };
  }

  async exportUserData(_request: userV1.ExportUserDataRequest, context: CallContext): Promise<userV1.ExportUserDataResponse> {
    return { json: JSON.stringify(await this.exports.export(callerOf(context))) };
  }

  async listUsers(request: userV1.ListUsersRequest, context: CallContext): Promise<userV1.ListUsersResponse> {
    const page = await this.directory.list(callerOf(context), request);
    return { items: page.items.map(summaryMessage), nextCursor: page.nextCursor };
  }

  async getUser(request: userV1.GetUserRequest, context: CallContext): Promise<userV1.GetUserResponse> {
    const { user, profile } = await this.directory.get(callerOf(context), request.userId);
    return { user: summaryMessage(user), profile: profileMessage(profile) };
  }
}

function profileMessage(profile: ProfileRow): userV1.Profile {
  return {
    userId: profile.userId,
    email: profile.email,
    displayName: profile.displayName,
    locale: profile.locale,
    timezone: profile.timezone,
    avatarUrl: profile.avatarUrl ?? '',
    createdAt: profile.createdAt,
  };
}

function summaryMessage(user: UserSummaryRow): userV1.UserSummary {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
    emailVerified: user.emailVerified,
    createdAt: user.createdAt,
  };
}
