import { userV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import type { ProfileRow } from './profiles.repository.js';
import { ProfilesService } from './profiles.service.js';

@Injectable()
export class ProfilesGrpc implements userV1.UserServiceImplementation {
  constructor(private readonly profiles: ProfilesService) {}

  async createProfile(request: userV1.CreateProfileRequest): Promise<userV1.CreateProfileResponse> {
    return { profile: toMessage(await this.profiles.create(request)) };
  }

  async getProfile(request: userV1.GetProfileRequest, context: CallContext): Promise<userV1.GetProfileResponse> {
    return { profile: toMessage(await this.profiles.get(request.userId, callerOf(context))) };
  }

  async deleteProfile(request: userV1.DeleteProfileRequest): Promise<userV1.DeleteProfileResponse> {
    await this.profiles.delete(request.userId);
    return {};
  }
}

function toMessage(profile: ProfileRow): userV1.Profile {
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
