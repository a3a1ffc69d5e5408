import { randomBytes } from 'node:crypto';
import { UnitOfWork, type Caller, type Db } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { hashToken } from '../passwords/opaque-token.js';
import { MfaRepository } from './mfa.repository.js';
import { matchTotp, newTotpSecret, otpauthUrl } from './totp.js';

const ISSUER = 'Mega Solution Platform';
const RECOVERY_CODE_COUNT = 10;

/** TOTP second factor: enrolment, confirmation with recovery codes, checking codes, turning it off. */
@Injectable()
export class MfaService {
  constructor(
    private readonly accountsService: AccountsService,
    private readonly accounts: AccountsRepository,
    private readonly mfa: MfaRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async enroll(caller: Caller | undefined): Promise<{ secret: string; otpauthUrl: string }> {
    const account = await this.accountsService.accountOf(caller);
    if (account.mfaEnabled) throw new AuthError('MFA_ALREADY_ENABLED', 'Two-factor authentication is already on.');
    const secret = newTotpSecret();
    await this.mfa.saveUnconfirmedFactor(account.id, secret);
    return { secret, otpauthUrl: otpauthUrl(secret, account.email, ISSUER) };
  }

  /** Turns MFA on with a first valid code and returns the recovery codes: the only time they are shown. */
  async confirm(caller: Caller | undefined, code: string): Promise<string[]> {
    const account = await this.accountsService.accountOf(caller);
    if (account.mfaEnabled) throw new AuthError('MFA_ALREADY_ENABLED', 'Two-factor authentication is already on.');
    const factor = await this.mfa.findFactor(account.id);
    if (!factor) throw new AuthError('MFA_NOT_ENROLLED', 'Start the enrolment first.');
    const step = matchTotp(factor.secret, code.trim(), factor.lastUsedStep);
    if (step === undefined) throw wrongCode();
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.unitOfWork.run(async (tx, events) => {
      await this.mfa.confirmFactor(account.id, step, new Date(), tx);
      await this.mfa.replaceRecoveryCodes(
        account.id,
        codes.map((c) => hashToken(normalizeRecoveryCode(c))),
        tx,
      );
      await this.accounts.update(account.id, { mfaEnabled: true }, tx);
      await events.add({ type: 'auth.mfa.enabled.v1', subject: account.id, data: { userId: account.id, email: account.email } });
    });
    return codes;
  }

  async disable(caller: Caller | undefined, code: string): Promise<void> {
    const account = await this.accountsService.accountOf(caller);
    if (!account.mfaEnabled) throw new AuthError('MFA_NOT_ENROLLED', 'Two-factor authentication is not on.');
    await this.unitOfWork.run(async (tx, events) => {
      if (!(await this.useCode(account.id, code, tx))) throw wrongCode();
      await this.mfa.deleteFactor(account.id, tx);
      await this.accounts.update(account.id, { mfaEnabled: false }, tx);
      await events.add({ type: 'auth.mfa.disabled.v1', subject: account.id, data: { userId: account.id, email: account.email } });
    });
  }

  /**
   * Checks and uses up a second-factor code: a TOTP code (each 30-second step once) or a recovery
   * code (each once). Returns false for anything else.
   */
  async useCode(accountId: string, code: string, tx?: Db): Promise<boolean> {
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const factor = await this.mfa.findFactor(accountId, tx);
      if (!factor?.confirmedAt) return false;
      const step = matchTotp(factor.secret, trimmed, factor.lastUsedStep);
      return step !== undefined && (await this.mfa.useStep(accountId, step, tx));
    }
    return this.mfa.useRecoveryCode(accountId, hashToken(normalizeRecoveryCode(trimmed)), new Date(), tx);
  }
}

/** Ten characters from an alphabet without look-alikes, shown as xxxxx-xxxxx. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function wrongCode(): AuthError {
  return new AuthError('VALIDATION_FAILED', 'The code is not valid.', [{ path: 'code', message: 'is not a valid code' }]);
}
