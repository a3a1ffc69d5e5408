import { Controller, Header, Inject } from '@nestjs/common';
import type { authV1 } from '@msp/contracts';
import { AUTH_CLIENT, type AuthClient } from '../grpc/grpc-clients.module.js';
import { RequestClient } from '../http/client-info.decorator.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody } from '../http/valid-input.decorator.js';
import {
  jwksResponse,
  loginBody,
  loginResponse,
  logoutBody,
  refreshBody,
  registerBody,
  registeredResponse,
  tokensResponse,
  toJwks,
  toLogin,
  toRegistered,
  toTokens,
  verifyEmailBody,
  verifyMfaBody,
  type JwksResponse,
  type LoginBody,
  type LoginResponse,
  type LogoutBody,
  type RefreshBody,
  type RegisterBody,
  type RegisteredResponse,
  type TokensResponse,
  type VerifyEmailBody,
  type VerifyMfaBody,
} from './auth.dto.js';

const tag = 'Auth';

@Controller()
export class AuthController {
  constructor(@Inject(AUTH_CLIENT) private readonly auth: AuthClient) {}

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/register',
    errorCodes: { 409: ['EMAIL_TAKEN'] },
    tag,
    auth: 'public',
    rateLimit: 'sensitive',
    status: 201,
    summary: 'Create an account; a verification email is sent',
    body: registerBody,
    response: registeredResponse,
    errors: [409],
  })
  async register(@ValidBody() body: RegisterBody): Promise<RegisteredResponse> {
    return toRegistered(await this.auth.register(body));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/verify-email',
    errorCodes: { 400: ['INVALID_TOKEN'] },
    tag,
    auth: 'public',
    rateLimit: 'auth',
    status: 204,
    summary: 'Verify an email address with the token from the verification email',
    body: verifyEmailBody,
    errors: [],
  })
  async verifyEmail(@ValidBody() body: VerifyEmailBody): Promise<void> {
    await this.auth.verifyEmail(body);
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/login',
    errorCodes: { 401: ['INVALID_CREDENTIALS'], 403: ['ACCOUNT_SUSPENDED'], 429: ['TOO_MANY_ATTEMPTS'] },
    tag,
    auth: 'public',
    rateLimit: 'login',
    status: 200,
    summary: 'Sign in with email and password',
    description:
      'Answers tokens, or `{ mfaRequired: true, mfaToken }` when the account has MFA (then call /api/v1/auth/mfa/verify). ' +
      'Wrong credentials are 401 whether or not the email exists; repeated failures are 429 with `Retry-After`.',
    body: loginBody,
    response: loginResponse,
    errors: [401, 403, 429],
  })
  async login(@ValidBody() body: LoginBody, @RequestClient() client: authV1.ClientInfo): Promise<LoginResponse> {
    return toLogin(await this.auth.login({ ...body, client }));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/mfa/verify',
    errorCodes: { 401: ['INVALID_MFA_TOKEN', 'INVALID_MFA_CODE'], 403: ['ACCOUNT_SUSPENDED'], 429: ['TOO_MANY_ATTEMPTS'] },
    tag,
    auth: 'public',
    rateLimit: 'login',
    status: 200,
    summary: 'Complete an MFA sign-in with a TOTP or recovery code',
    description: 'A wrong code, or an expired or used MFA token, is 401; repeated failures are 429 with `Retry-After`.',
    body: verifyMfaBody,
    response: tokensResponse,
    errors: [401, 429],
  })
  async verifyMfa(@ValidBody() body: VerifyMfaBody, @RequestClient() client: authV1.ClientInfo): Promise<TokensResponse> {
    return toTokens(await this.auth.verifyMfa({ ...body, client }));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/refresh',
    errorCodes: { 401: ['INVALID_REFRESH_TOKEN'] },
    tag,
    auth: 'public',
    rateLimit: 'refresh',
    status: 200,
    summary: 'Exchange a refresh token for new tokens; the old refresh token stops working',
    body: refreshBody,
    response: tokensResponse,
    errors: [401],
  })
  async refresh(@ValidBody() body: RefreshBody, @RequestClient() client: authV1.ClientInfo): Promise<TokensResponse> {
    return toTokens(await this.auth.refresh({ ...body, client }));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    tag,
    auth: 'public',
    rateLimit: 'auth',
    status: 204,
    summary: 'End the session of a refresh token',
    body: logoutBody,
    errors: [],
  })
  async logout(@ValidBody() body: LogoutBody): Promise<void> {
    await this.auth.logout(body);
  }

  @Endpoint({
    method: 'GET',
    path: '/.well-known/jwks.json',
    tag,
    auth: 'public',
    rateLimit: 'auth',
    status: 200,
    summary: 'Public keys that verify access tokens (JWKS)',
    response: jwksResponse,
    errors: [503],
  })
  // Shared caches may hold the keys briefly; rotation publishes a new key before it is used.
  @Header('cache-control', 'public, max-age=60')
  async getJwks(): Promise<JwksResponse> {
    return toJwks(await this.auth.getJwks({}));
  }
}
