import 'server-only';
import { api, as, settle, type Caller, type GatewayResult } from '../gateway-core';
import type { Me } from '../gateway';
import type { Answer, Body, ItemOf } from './types';

export type UpdateMeInput = Body<'/api/v1/me', 'patch'>;
export type NotificationPreferences = Answer<'/api/v1/me/notification-preferences', 'get'>;
export type Session = ItemOf<Answer<'/api/v1/auth/sessions', 'get'>>;
export type TotpEnrolment = Answer<'/api/v1/auth/mfa/totp/enroll', 'post'>;
export type RecoveryCodes = Answer<'/api/v1/auth/mfa/totp/confirm', 'post'>;

export const accountApi = {
  update: (caller: Caller, body: UpdateMeInput): Promise<GatewayResult<Me>> =>
    settle(api.PATCH('/api/v1/me', { body, ...as(caller) }), 'json'),

  preferences: (caller: Caller): Promise<GatewayResult<NotificationPreferences>> =>
    settle(api.GET('/api/v1/me/notification-preferences', as(caller)), 'json'),

  savePreferences: (caller: Caller, body: NotificationPreferences): Promise<GatewayResult<NotificationPreferences>> =>
    settle(api.PUT('/api/v1/me/notification-preferences', { body, ...as(caller) }), 'json'),

  /** Everything the platform holds about the caller, as the gateway assembles it. */
  exportData: (caller: Caller): Promise<GatewayResult<Record<string, unknown>>> => settle(api.GET('/api/v1/me/export', as(caller)), 'json'),

  /** 202: the account is being deleted; every session ends with it. */
  deleteAccount: (caller: Caller, password: string): Promise<GatewayResult<void>> =>
    settle(api.DELETE('/api/v1/me', { body: { password }, ...as(caller) }), 'empty'),

  changePassword: (caller: Caller, body: Body<'/api/v1/auth/password/change', 'post'>): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/password/change', { body, ...as(caller) }), 'empty'),

  sessions: (caller: Caller): Promise<GatewayResult<{ items: Session[] }>> => settle(api.GET('/api/v1/auth/sessions', as(caller)), 'json'),

  revokeSession: (caller: Caller, id: string): Promise<GatewayResult<void>> =>
    settle(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } }, ...as(caller) }), 'empty'),

  revokeOtherSessions: (caller: Caller): Promise<GatewayResult<void>> => settle(api.DELETE('/api/v1/auth/sessions', as(caller)), 'empty'),

  enrollTotp: (caller: Caller): Promise<GatewayResult<TotpEnrolment>> =>
    settle(api.POST('/api/v1/auth/mfa/totp/enroll', as(caller)), 'json'),

  confirmTotp: (caller: Caller, code: string): Promise<GatewayResult<RecoveryCodes>> =>
    settle(api.POST('/api/v1/auth/mfa/totp/confirm', { body: { code }, ...as(caller) }), 'json'),

  disableTotp: (caller: Caller, code: string): Promise<GatewayResult<void>> =>
    settle(api.DELETE('/api/v1/auth/mfa/totp', { body: { code }, ...as(caller) }), 'empty'),
} as const;
