import { authV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { AccountsService } from './accounts/accounts.service.js';
import { RegistrationService } from './registration/registration.service.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SigningKeysService } from './signing-keys/signing-keys.service.js';

/** The AuthService gRPC edge: translation only, one line of work per RPC. */
@Injectable()
export class AuthGrpc implements authV1.AuthServiceImplementation {
  constructor(
    private readonly registration: RegistrationService,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly keys: SigningKeysService,
  ) {}

  async register(request: authV1.RegisterRequest): Promise<authV1.RegisterResponse> {
    return { userId: await this.registration.register(request) };
  }

  async verifyEmail(request: authV1.VerifyEmailRequest): Promise<authV1.VerifyEmailResponse> {
    await this.registration.verifyEmail(request.token);
    return {};
  }

  async login(request: authV1.LoginRequest): Promise<authV1.LoginResponse> {
    return { tokens: await this.sessions.login(request.email, request.password, clientOf(request.client)) };
  }

  async refresh(request: authV1.RefreshRequest): Promise<authV1.RefreshResponse> {
    return { tokens: await this.sessions.refresh(request.refreshToken) };
  }

  async logout(request: authV1.LogoutRequest): Promise<authV1.LogoutResponse> {
    await this.sessions.logout(request.refreshToken);
    return {};
  }

  async getAccount(_request: authV1.GetAccountRequest, context: CallContext): Promise<authV1.GetAccountResponse> {
    const account = await this.accounts.accountOf(callerOf(context));
    return {
      account: {
        userId: account.id,
        email: account.email,
        roles: account.roles,
        emailVerified: account.emailVerifiedAt !== null,
        mfaEnabled: account.mfaEnabled,
        createdAt: account.createdAt,
      },
    };
  }

  async getJwks(): Promise<authV1.GetJwksResponse> {
    return { jwksJson: JSON.stringify(await this.keys.jwks()) };
  }
}

function clientOf(client: authV1.ClientInfo | undefined) {
  return { userAgent: client?.userAgent ?? '', ip: client?.ip ?? '' };
}
