import { Controller, Inject } from '@nestjs/common';
import type { Caller } from '@msp/platform';
import { AUTH_CLIENT, USER_CLIENT, type AuthClient, type UserClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { CurrentCaller } from '../security/current-caller.decorator.js';
import { meResponse, toMe, type MeResponse } from './me.dto.js';

@Controller()
export class MeController {
  constructor(
    @Inject(AUTH_CLIENT) private readonly auth: AuthClient,
    @Inject(USER_CLIENT) private readonly user: UserClient,
  ) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/me',
    tag: 'Me',
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
}
