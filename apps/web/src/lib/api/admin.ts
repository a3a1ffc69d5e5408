import 'server-only';
import { api, as, settle, type Caller, type GatewayResult } from '../gateway-core';
import type { Answer, ItemOf, Query } from './types';

export type AdminUserPage = Answer<'/api/v1/admin/users', 'get'>;
export type AdminUserSummary = ItemOf<AdminUserPage>;
export type AdminUserQuery = Query<'/api/v1/admin/users', 'get'>;
export type AdminUser = Answer<'/api/v1/admin/users/{id}', 'get'>;
export type PlatformRole = 'customer' | 'admin';
export const PLATFORM_ROLES: readonly PlatformRole[] = ['customer', 'admin'];
export type AdminProjectPage = Answer<'/api/v1/admin/projects', 'get'>;
export type AdminProjectQuery = Query<'/api/v1/admin/projects', 'get'>;
export type AdminProject = Answer<'/api/v1/admin/projects/{id}', 'get'>;
export type EmailDeliveryPage = Answer<'/api/v1/admin/emails', 'get'>;
export type EmailDelivery = ItemOf<EmailDeliveryPage>;
export type DeadLetterPage = Answer<'/api/v1/admin/dead-letters', 'get'>;
export type DeadLetter = ItemOf<DeadLetterPage>;

const user = (id: string) => ({ params: { path: { id } } });

// Every call here is refused by the gateway (403) unless the caller has the platform `admin` role; the
// admin pages and actions check the role first as well (lib/admin-guard.ts).
export const adminApi = {
  users: (caller: Caller, query: AdminUserQuery): Promise<GatewayResult<AdminUserPage>> =>
    settle(api.GET('/api/v1/admin/users', { params: { query }, ...as(caller) }), 'json'),

  user: (caller: Caller, id: string): Promise<GatewayResult<AdminUser>> =>
    settle(api.GET('/api/v1/admin/users/{id}', { ...user(id), ...as(caller) }), 'json'),

  suspend: (caller: Caller, id: string): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/admin/users/{id}/suspend', { ...user(id), ...as(caller) }), 'empty'),

  unsuspend: (caller: Caller, id: string): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/admin/users/{id}/unsuspend', { ...user(id), ...as(caller) }), 'empty'),

  forceLogout: (caller: Caller, id: string): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/admin/users/{id}/logout', { ...user(id), ...as(caller) }), 'empty'),

  setRoles: (caller: Caller, id: string, roles: PlatformRole[]) =>
    settle(api.PUT('/api/v1/admin/users/{id}/roles', { ...user(id), body: { roles }, ...as(caller) }), 'json'),

  projects: (caller: Caller, query: AdminProjectQuery): Promise<GatewayResult<AdminProjectPage>> =>
    settle(api.GET('/api/v1/admin/projects', { params: { query }, ...as(caller) }), 'json'),

  project: (caller: Caller, id: string): Promise<GatewayResult<AdminProject>> =>
    settle(api.GET('/api/v1/admin/projects/{id}', { params: { path: { id } }, ...as(caller) }), 'json'),

  emails: (caller: Caller, query: Query<'/api/v1/admin/emails', 'get'>): Promise<GatewayResult<EmailDeliveryPage>> =>
    settle(api.GET('/api/v1/admin/emails', { params: { query }, ...as(caller) }), 'json'),

  resendEmail: (caller: Caller, id: string, idempotencyKey: string): Promise<GatewayResult<EmailDelivery>> =>
    settle(api.POST('/api/v1/admin/emails/{id}/resend', { params: { path: { id } }, ...as(caller, { idempotencyKey }) }), 'json'),

  deadLetters: (caller: Caller, query: Query<'/api/v1/admin/dead-letters', 'get'>): Promise<GatewayResult<DeadLetterPage>> =>
    settle(api.GET('/api/v1/admin/dead-letters', { params: { query }, ...as(caller) }), 'json'),

  redrive: (caller: Caller, id: string): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/admin/dead-letters/{id}/redrive', { params: { path: { id } }, ...as(caller) }), 'empty'),
} as const;
