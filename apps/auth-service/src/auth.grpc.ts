import { authV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { AccountLifecycleService } from './account-lifecycle/account-lifecycle.service.js';
import type { AccountRow } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AccountAdminService, requireAdmin } from './admin/account-admin.service.js';
import { AuthError } from './auth.errors.js';
import { MfaService } from './mfa/mfa.service.js';
import { PasswordsService } from './passwords/passwords.service.js';
import { RegistrationService } from './registration/registration.service.js';
import { LoginService } from './sessions/login.service.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SigningKeysService } from './signing-keys/signing-keys.service.js';

/** The AuthService gRPC edge: translation only, one line of work per RPC. */
@Injectable()
export class AuthGrpc implements authV1.AuthServiceImplementation {
  constructor(
    private readonly registration: RegistrationService,
    private readonly signIn: LoginService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly mfa: MfaService,
    private readonly accounts: AccountsService,
    private readonly admin: AccountAdminService,
    private readonly keys: SigningKeysService,
    private readonly lifecycle: AccountLifecycleService,
  ) {}

  async register(request: authV1.RegisterRequest): Promise<authV1.RegisterResponse> {
    return { userId: await this.registration.register(request) };
  }

  async verifyEmail(request: authV1.VerifyEmailRequest): Promise<authV1.VerifyEmailResponse> {
    await this.registration.verifyEmail(request.token);
    return {};
  }

  async login(request: authV1.LoginRequest): Promise<authV1.LoginResponse> {
    const result = await this.signIn.login(request.email, request.password, clientOf(request.client));
    return 'tokens' in result ? { tokens: result.tokens, mfaToken: '' } : { mfaToken: result.mfaToken };
  }

  async verifyMfa(request: authV1.VerifyMfaRequest): Promise<authV1.VerifyMfaResponse> {
    return { tokens: await this.signIn.verifyMfa(request.mfaToken, request.code, clientOf(request.client)) };
  }

  async refresh(request: authV1.RefreshRequest): Promise<authV1.RefreshResponse> {
    return { tokens: await this.sessions.refresh(request.refreshToken) };
  }

  async logout(request: authV1.LogoutRequest): Promise<authV1.LogoutResponse> {
    await this.sessions.logout(request.refreshToken);
    return {};
  }

  async listSessions(_request: authV1.ListSessionsRequest, context: CallContext): Promise<authV1.ListSessionsResponse> {
    return { sessions: await this.sessions.list(signedIn(context)) };
  }

  async revokeSession(request: authV1.RevokeSessionRequest, context: CallContext): Promise<authV1.RevokeSessionResponse> {
    await this.sessions.revoke(signedIn(context), request.sessionId);
    return {};
  }

  async revokeOtherSessions(
    _request: authV1.RevokeOtherSessionsRequest,
    context: CallContext,
  ): Promise<authV1.RevokeOtherSessionsResponse> {
    await this.sessions.revokeOthers(signedIn(context));
    return {};
  }

  async forgotPassword(request: authV1.ForgotPasswordRequest): Promise<authV1.ForgotPasswordResponse> {
    await this.passwords.forgot(request.email);
    return {};
  }

  async resetPassword(request: authV1.ResetPasswordRequest): Promise<authV1.ResetPasswordResponse> {
    await this.passwords.reset(request.token, request.newPassword);
    return {};
  }

  async changePassword(request: authV1.ChangePasswordRequest, context: CallContext): Promise<authV1.ChangePasswordResponse> {
    await this.passwords.change(callerOf(context), request.currentPassword, request.newPassword);
    return {};
  }

  async enrollTotp(_request: authV1.EnrollTotpRequest, context: CallContext): Promise<authV1.EnrollTotpResponse> {
    return this.mfa.enroll(callerOf(context));
  }

  async confirmTotp(request: authV1.ConfirmTotpRequest, context: CallContext): Promise<authV1.ConfirmTotpResponse> {
    return { recoveryCodes: await this.mfa.confirm(callerOf(context), request.code) };
  }

  async disableTotp(request: authV1.DisableTotpRequest, context: CallContext): Promise<authV1.DisableTotpResponse> {
    await this.mfa.disable(callerOf(context), request.code);
    return {};
  }

  async getAccount(_request: authV1.GetAccountRequest, context: CallContext): Promise<authV1.GetAccountResponse> {
    return { account: toAccount(await this.accounts.accountOf(callerOf(context))) };
  }

  async getJwks(): Promise<authV1.GetJwksResponse> {
    return { jwksJson: JSON.stringify(await this.keys.jwks()) };
  }

  async suspendAccount(request: authV1.SuspendAccountRequest, context: CallContext): Promise<authV1.SuspendAccountResponse> {
    await this.admin.suspend(callerOf(context), request.userId);
    return {};
  }

  async unsuspendAccount(request: authV1.UnsuspendAccountRequest, context: CallContext): Promise<authV1.UnsuspendAccountResponse> {
    await this.admin.unsuspend(callerOf(context), request.userId);
    return {};
  }

  async setRoles(request: authV1.SetRolesRequest, context: CallContext): Promise<authV1.SetRolesResponse> {
    return { account: toAccount(await this.admin.setRoles(callerOf(context), request.userId, request.roles)) };
  }

  async revokeAllSessions(request: authV1.RevokeAllSessionsRequest, context: CallContext): Promise<authV1.RevokeAllSessionsResponse> {
    await this.admin.revokeAllSessions(callerOf(context), request.userId);
    return {};
  }

  async deleteAccount(request: authV1.DeleteAccountRequest, context: CallContext): Promise<authV1.DeleteAccountResponse> {
    await this.lifecycle.delete(callerOf(context), request.password);
    return {};
  }

  async exportUserData(_request: authV1.ExportUserDataRequest, context: CallContext): Promise<authV1.ExportUserDataResponse> {
    return { json: JSON.stringify(await this.lifecycle.export(callerOf(context))) };
  }

  async getAccountDetails(request: authV1.GetAccountDetailsRequest, context: CallContext): Promise<authV1.GetAccountDetailsResponse> {
    const details = await this.lifecycle.details(callerOf(context), request.userId);
    return { account: toAccount(details.account), sessionsCount: details.sessionsCount };
  }

  async rotateSigningKey(_request: authV1.RotateSigningKeyRequest, context: CallContext): Promise<authV1.RotateSigningKeyResponse> {
    requireAdmin(callerOf(context));
    return { kid: await this.keys.rotate() };
  }
}

function clientOf(client: authV1.ClientInfo | undefined) {
  return { userAgent: client?.userAgent ?? '', ip: client?.ip ?? '' };
}

function signedIn(context: CallContext) {
  const caller = callerOf(context);
  if (!caller) throw new AuthError('UNAUTHENTICATED', 'Sign in first.');
  return caller;
}

function toAccount(account: AccountRow): authV1.Account {
  return {
    userId: account.id,
    email: account.email,
    roles: account.roles,
    emailVerified: account.emailVerifiedAt !== null,
    mfaEnabled: account.mfaEnabled,
    createdAt: account.createdAt,
    status: account.status,
  };
}
