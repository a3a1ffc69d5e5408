import { Controller, Inject } from '@nestjs/common';
import type { Caller } from '@msp/platform';
import { AUTH_CLIENT, USER_CLIENT, type AuthClient, type UserClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody } from '../http/valid-input.decorator.js';
import { CurrentCaller } from '../security/current-caller.decorator.js';
import {
  deleteMeBody,
  meResponse,
  toMe,
  toUpdateProfileRequest,
  updateMeBody,
  type DeleteMeBody,
  type MeResponse,
  type UpdateMeBody,
} from './me.dto.js';

const tag = 'Me';

@Controller()
export class MeController {
  constructor(
    @Inject(AUTH_CLIENT) private readonly auth: AuthClient,
    @Inject(USER_CLIENT) private readonly user: UserClient,
  ) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/me',
    tag,
    auth: 'user',
    status: 200,
    summary: 'The signed-in user: account and profile',
    response: meResponse,
    errors: [404],
  })
  async getMe(@CurrentCaller() caller: Caller): Promise<MeResponse> {
    // The two halves are independent: ask both services at once.
    const [account, profile] = await Promise.all([this.auth.getAccount({}), this.user.getProfile({ userId: caller.userId })]);
    return toMe(account, profile);
  }

  @Endpoint({
    method: 'PATCH',
    path: '/api/v1/me',
    errorCodes: { 404: ['PROFILE_NOT_FOUND'] },
    tag,
    auth: 'user',
    status: 200,
    summary: "Change the caller's profile; only the fields sent change",
    description: '`avatarUrl` null or "" removes the avatar. The answer is the updated `me`.',
    body: updateMeBody,
    response: meResponse,
    errors: [],
  })
  async updateMe(@ValidBody() body: UpdateMeBody): Promise<MeResponse> {
    // The account half does not change, so it is read while the profile is written.
    const [account, profile] = await Promise.all([this.auth.getAccount({}), this.user.updateProfile(toUpdateProfileRequest(body))]);
    return toMe(account, profile);
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/me',
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 202,
    summary: "Delete the caller's account, confirmed with the password",
    description:
      'Credentials and sessions end at once; the profile and memberships are removed or anonymised as the ' +
      'services process the deletion, hence 202. A wrong password is 400 `VALIDATION_FAILED` naming the ' +
      '`password` field, as for a password change: a 401 would tell the client its session had ended.',
    body: deleteMeBody,
    errors: [],
  })
  async deleteMe(@ValidBody() body: DeleteMeBody): Promise<void> {
    await this.auth.deleteAccount({ password: body.password });
  }
}
