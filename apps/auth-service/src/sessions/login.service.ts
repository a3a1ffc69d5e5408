import { UnitOfWork } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { MfaRepository } from '../mfa/mfa.repository.js';
import { MfaService } from '../mfa/mfa.service.js';
import { hashToken, newOpaqueToken } from '../passwords/opaque-token.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { LoginThrottle } from '../throttling/login-throttle.js';
import { SessionIssuer, type ClientInfo, type Tokens } from './session-issuer.js';

const CHALLENGE_TTL_MS = 5 * 60_000;
const CHALLENGE_MAX_ATTEMPTS = 5;

export type LoginResult = { tokens: Tokens } | { mfaToken: string };

/** Signing in: password, then the second factor when the account has one. */
@Injectable()
export class LoginService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly mfa: MfaService,
    private readonly mfaChallenges: MfaRepository,
    private readonly issuer: SessionIssuer,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** One answer for an unknown email and a wrong password, in the same time (the hasher's decoy). */
  async login(email: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const normalized = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalized, client.ip);
    const account = await this.accounts.findByEmail(normalized);
    const valid = await this.hasher.verify(account?.passwordHash, password);
    if (!account || !valid) {
      await this.throttle.recordFailure(normalized, client.ip);
      throw new AuthError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    assertActive(account);
    if (this.hasher.needsRehash(account.passwordHash)) {
      await this.unitOfWork.run(
        async (tx) => void (await this.accounts.update(account.id, { passwordHash: await this.hasher.hash(password) }, tx)),
      );
    }
    // With a second factor, only passing it clears the failure count: otherwise knowing the password
    // would buy fresh code guesses with every new challenge.
    if (account.mfaEnabled) return { mfaToken: await this.challenge(account, client) };
    await this.throttle.recordSuccess(normalized);
    return { tokens: await this.issuer.start(account, client) };
  }

  /** The second step: a single-use challenge token plus a TOTP or recovery code. */
  async verifyMfa(mfaToken: string, code: string, client: ClientInfo): Promise<Tokens> {
    const tokenHash = hashToken(mfaToken);
    const challenge = await this.mfaChallenges.attemptChallenge(tokenHash, new Date(), CHALLENGE_MAX_ATTEMPTS);
    if (!challenge) throw new AuthError('INVALID_MFA_TOKEN', 'The sign-in attempt expired. Sign in again.');
    const account = await this.accounts.findById(challenge.accountId);
    if (!account) throw new AuthError('INVALID_MFA_TOKEN', 'The sign-in attempt expired. Sign in again.');
    assertActive(account);
    await this.throttle.assertAllowed(account.email, client.ip);
    const accepted = await this.unitOfWork.run(async (tx) => {
      if (!(await this.mfa.useCode(account.id, code, tx))) return false;
      return this.mfaChallenges.finishChallenge(tokenHash, new Date(), tx);
    });
    if (!accepted) {
      await this.throttle.recordFailure(account.email, client.ip);
      throw new AuthError('INVALID_MFA_CODE', 'The code is not valid.');
    }
    await this.throttle.recordSuccess(account.email);
    return this.issuer.start(account, { userAgent: challenge.userAgent || client.userAgent, ip: challenge.ip || client.ip });
  }

  private async challenge(account: AccountRow, client: ClientInfo): Promise<string> {
    const token = newOpaqueToken();
    await this.mfaChallenges.createChallenge({
      tokenHash: hashToken(token),
      accountId: account.id,
      userAgent: client.userAgent.slice(0, 512),
      ip: client.ip.slice(0, 64),
      expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    });
    return token;
  }
}

function assertActive(account: AccountRow): void {
  if (account.status !== 'active') throw new AuthError('ACCOUNT_SUSPENDED', 'This account is suspended.');
}
