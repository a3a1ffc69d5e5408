import { Controller, Inject } from '@nestjs/common';
import {
  AUTH_CLIENT,
  PROJECT_CLIENT,
  USER_CLIENT,
  type AuthClient,
  type ProjectClient,
  type UserClient,
} from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import {
  adminUserDetail,
  adminUserPage,
  listUsersQuery,
  toAdminUserDetail,
  toAdminUserPage,
  toListUsersRequest,
  unlessAccountGone,
  type AdminUserDetail,
  type AdminUserPage,
  type ListUsersQuery,
} from './admin-user-directory.dto.js';
import {
  adminAccountResponse,
  setRolesBody,
  toAdminAccount,
  userParams,
  type AdminAccountResponse,
  type SetRolesBody,
  type UserParams,
} from './admin-users.dto.js';

const tag = 'Admin';

/** Users as platform administrators see and control them; each service checks the admin role again. */
@Controller()
export class AdminUsersController {
  constructor(
    @Inject(AUTH_CLIENT) private readonly auth: AuthClient,
    @Inject(USER_CLIENT) private readonly user: UserClient,
    @Inject(PROJECT_CLIENT) private readonly project: ProjectClient,
  ) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/admin/users',
    errorCodes: { 403: ['FORBIDDEN'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 200,
    summary: 'Search, filter and page through all users',
    description: '`q` matches part of the email or display name in any case; newest first.',
    query: listUsersQuery,
    response: adminUserPage,
    errors: [],
  })
  async listUsers(@ValidQuery() query: ListUsersQuery): Promise<AdminUserPage> {
    return toAdminUserPage(await this.user.listUsers(toListUsersRequest(query)));
  }

  @Endpoint({
    method: 'GET',
    path: '/api/v1/admin/users/{id}',
    errorCodes: { 403: ['FORBIDDEN'], 404: ['USER_NOT_FOUND'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 200,
    summary: "One user's full picture: profile, account status and roles, sessions and projects counts",
    params: userParams,
    response: adminUserDetail,
    errors: [],
  })
  async getUser(@ValidParams() params: UserParams): Promise<AdminUserDetail> {
    // Three services, three independent reads: ask them at once.
    const [user, account, stats] = await Promise.all([
      this.user.getUser({ userId: params.id }),
      unlessAccountGone(this.auth.getAccountDetails({ userId: params.id })),
      this.project.getUserStats({ userId: params.id }),
    ]);
    return toAdminUserDetail(user, account, stats);
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/admin/users/{id}/suspend',
    errorCodes: { 404: ['ACCOUNT_NOT_FOUND'], 422: ['CANNOT_CHANGE_OWN_ACCOUNT'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 204,
    summary: 'Suspend an account: every session ends at once and sign-in is refused',
    description: 'An administrator cannot suspend their own account (422 `CANNOT_CHANGE_OWN_ACCOUNT`).',
    params: userParams,
    errors: [422],
  })
  async suspendUser(@ValidParams() params: UserParams): Promise<void> {
    await this.auth.suspendAccount({ userId: params.id });
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/admin/users/{id}/unsuspend',
    errorCodes: { 404: ['ACCOUNT_NOT_FOUND'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 204,
    summary: 'Lift a suspension: the account may sign in again',
    description: 'An administrator cannot change their own account (422).',
    params: userParams,
    errors: [422],
  })
  async unsuspendUser(@ValidParams() params: UserParams): Promise<void> {
    await this.auth.unsuspendAccount({ userId: params.id });
  }

  @Endpoint({
    method: 'PUT',
    path: '/api/v1/admin/users/{id}/roles',
    errorCodes: { 404: ['ACCOUNT_NOT_FOUND'], 422: ['CANNOT_CHANGE_OWN_ACCOUNT'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 200,
    summary: "Replace an account's platform roles",
    description: 'An administrator cannot change their own roles (422).',
    params: userParams,
    body: setRolesBody,
    response: adminAccountResponse,
    errors: [422],
  })
  async setUserRoles(@ValidParams() params: UserParams, @ValidBody() body: SetRolesBody): Promise<AdminAccountResponse> {
    return toAdminAccount(await this.auth.setRoles({ userId: params.id, roles: body.roles }));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/admin/users/{id}/logout',
    errorCodes: { 404: ['ACCOUNT_NOT_FOUND'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 204,
    summary: 'Force logout: end every session of an account at once',
    params: userParams,
    errors: [],
  })
  async logoutUser(@ValidParams() params: UserParams): Promise<void> {
    await this.auth.revokeAllSessions({ userId: params.id });
  }
}
