import 'server-only';
import type { paths } from '@msp/api-client';
import { api, callOptions, settle, type ClientContext, type GatewayResult } from './gateway-core';

// Server-only client of the API gateway (API.md): the account and session calls the public pages make.
// Its surface is deliberately small (one function per endpoint, results as data); underneath, every call
// goes through the client generated from the gateway's OpenAPI document, so request bodies and answers
// are typed by the gateway's own schema. The signed-in workspace calls live in lib/api/.

export {
  clientContextFrom,
  type Caller,
  type ClientContext,
  type FieldProblem,
  type GatewayProblem,
  type GatewayResult,
} from './gateway-core';

// Request and response shapes come from the gateway's OpenAPI document (packages/api-client).
type JsonBody<Path extends keyof paths, Method extends 'get' | 'post'> = paths[Path][Method] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type TokenPair = paths['/api/v1/auth/refresh']['post']['responses'][200]['content']['application/json'];
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type RegisterInput = JsonBody<'/api/v1/auth/register', 'post'>;
export type Registered = paths['/api/v1/auth/register']['post']['responses'][201]['content']['application/json'];
export type LoginInput = JsonBody<'/api/v1/auth/login', 'post'>;
type LoginAnswer = paths['/api/v1/auth/login']['post']['responses'][200]['content']['application/json'];
/** Login's answer when the account has two-factor authentication: a challenge for /auth/mfa/verify. */
export type MfaChallenge = Extract<LoginAnswer, { mfaToken: string }>;
export type ForgotPasswordInput = JsonBody<'/api/v1/auth/password/forgot', 'post'>;
export type ResetPasswordInput = JsonBody<'/api/v1/auth/password/reset', 'post'>;
/** The project an accepted invitation joined, with the caller's role in it. */
export type JoinedProject = paths['/api/v1/invitations/accept']['post']['responses'][200]['content']['application/json'];
/** The email category an unsubscribe link turned off, and the address it was sent to. */
export type Unsubscribed = paths['/api/v1/unsubscribe']['post']['responses'][200]['content']['application/json'];

export const gateway = {
  register: (input: RegisterInput, client: ClientContext): Promise<GatewayResult<Registered>> =>
    settle(api.POST('/api/v1/auth/register', { body: input, ...callOptions(client) }), 'json'),

  verifyEmail: (token: string, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/verify-email', { body: { token }, ...callOptions(client) }), 'empty'),

  login: (input: LoginInput, client: ClientContext): Promise<GatewayResult<LoginAnswer>> =>
    settle(api.POST('/api/v1/auth/login', { body: input, ...callOptions(client) }), 'json'),

  verifyMfa: (input: { mfaToken: string; code: string }, client: ClientContext): Promise<GatewayResult<TokenPair>> =>
    settle(api.POST('/api/v1/auth/mfa/verify', { body: input, ...callOptions(client) }), 'json'),

  refresh: (refreshToken: string, client: ClientContext): Promise<GatewayResult<TokenPair>> =>
    settle(api.POST('/api/v1/auth/refresh', { body: { refreshToken }, ...callOptions(client) }), 'json'),

  logout: (refreshToken: string, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/logout', { body: { refreshToken }, ...callOptions(client) }), 'empty'),

  /** 202 whether or not the address has an account: success says nothing about the account. */
  forgotPassword: (input: ForgotPasswordInput, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/password/forgot', { body: input, ...callOptions(client) }), 'empty'),

  /** On success every session of the account has ended, including any this browser holds. */
  resetPassword: (input: ResetPasswordInput, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/password/reset', { body: input, ...callOptions(client) }), 'empty'),

  me: (accessToken: string, client: ClientContext): Promise<GatewayResult<Me>> =>
    settle(api.GET('/api/v1/me', callOptions(client, accessToken)), 'json'),

  /**
   * 404 when the token is unknown, used, revoked or expired, or the invitation went to another address
   * than the caller's; a caller who already is a member keeps their role.
   */
  acceptInvitation: (token: string, accessToken: string, client: ClientContext): Promise<GatewayResult<JoinedProject>> =>
    settle(api.POST('/api/v1/invitations/accept', { body: { token }, ...callOptions(client, accessToken) }), 'json'),

  /** No session needed: the token names the user and the category. Unsubscribing twice is no error. */
  unsubscribe: (token: string, client: ClientContext): Promise<GatewayResult<Unsubscribed>> =>
    settle(api.POST('/api/v1/unsubscribe', { params: { query: { token } }, ...callOptions(client) }), 'json'),
} as const;

export function isMfaChallenge(result: LoginAnswer): result is MfaChallenge {
  return 'mfaToken' in result && result.mfaRequired === true;
}
