import { Controller, Inject } from '@nestjs/common';
import { AUTH_CLIENT, type AuthClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidParams } from '../http/valid-input.decorator.js';
import { sessionList, sessionParams, toSessionList, type SessionList, type SessionParams } from './sessions.dto.js';

const tag = 'Auth';

/** The caller's own sessions; whose they are comes from the verified token, in the call metadata. */
@Controller()
export class SessionsController {
  constructor(@Inject(AUTH_CLIENT) private readonly auth: AuthClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/auth/sessions',
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 200,
    summary: 'The active sessions of the caller (devices signed in)',
    response: sessionList,
    errors: [],
  })
  async listSessions(): Promise<SessionList> {
    return toSessionList(await this.auth.listSessions({}));
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/auth/sessions/{id}',
    errorCodes: { 404: ['SESSION_NOT_FOUND'] },
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 204,
    summary: 'End one session of the caller; its tokens stop working at once',
    description: "Another user's session is 404, like one that does not exist.",
    params: sessionParams,
    errors: [],
  })
  async revokeSession(@ValidParams() params: SessionParams): Promise<void> {
    await this.auth.revokeSession({ sessionId: params.id });
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/auth/sessions',
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 204,
    summary: 'End every session of the caller except the current one ("sign out other devices")',
    errors: [],
  })
  async revokeOtherSessions(): Promise<void> {
    await this.auth.revokeOtherSessions({});
  }
}
