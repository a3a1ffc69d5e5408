import { UnitOfWork, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { SessionsService } from '../sessions/sessions.service.js';

const ROLES = ['customer', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** What platform administrators may do to accounts. Every action is an event: the audit trail. */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Blocks sign-in and refresh, and ends every session at once (the gateway refuses their tokens). */
  async suspend(caller: Caller | undefined, userId: string): Promise<void> {
    const admin = requireAdmin(caller);
    if (admin.userId === userId) throw new AuthError('CANNOT_CHANGE_OWN_ACCOUNT', 'Administrators cannot suspend themselves.');
    // Reads before the transaction: on the embedded single-connection database, a read outside an
    // open transaction would wait for it forever.
    const account = await this.find(userId);
    await this.unitOfWork.run(async (tx, events) => {
      await this.accounts.update(userId, { status: 'suspended' }, tx);
      await this.sessions.endAll(userId, 'suspended', undefined, tx, events);
      await events.add({ type: 'auth.user.suspended.v1', subject: userId, data: { userId, email: account.email, by: admin.userId } });
    });
  }

  async unsuspend(caller: Caller | undefined, userId: string): Promise<void> {
    const admin = requireAdmin(caller);
    const account = await this.find(userId);
    await this.unitOfWork.run(async (tx, events) => {
      await this.accounts.update(userId, { status: 'active' }, tx);
      await events.add({ type: 'auth.user.unsuspended.v1', subject: userId, data: { userId, email: account.email, by: admin.userId } });
    });
  }

  async setRoles(caller: Caller | undefined, userId: string, roles: string[]): Promise<AccountRow> {
    const admin = requireAdmin(caller);
    const wanted = [...new Set(roles)];
    if (wanted.length === 0 || !wanted.every((role): role is Role => (ROLES as readonly string[]).includes(role))) {
      throw new AuthError('VALIDATION_FAILED', 'Roles must be customer and/or admin.', [
        { path: 'roles', message: 'must be customer and/or admin' },
      ]);
    }
    if (admin.userId === userId && !wanted.includes('admin')) {
      throw new AuthError('CANNOT_CHANGE_OWN_ACCOUNT', 'Administrators cannot remove their own admin role.');
    }
    await this.find(userId);
    return this.unitOfWork.run(async (tx, events) => {
      const updated = await this.accounts.update(userId, { roles: wanted }, tx);
      // Tokens carry roles: end the sessions so the next token has the new ones.
      await this.sessions.endAll(userId, 'admin', undefined, tx, events);
      await events.add({ type: 'auth.user.roles_changed.v1', subject: userId, data: { userId, roles: wanted, by: admin.userId } });
      return updated!;
    });
  }

  async revokeAllSessions(caller: Caller | undefined, userId: string): Promise<void> {
    requireAdmin(caller);
    await this.find(userId);
    await this.sessions.endAll(userId, 'admin');
  }

  private async find(userId: string): Promise<AccountRow> {
    const account = /^[0-9a-f-]{36}$/i.test(userId) ? await this.accounts.findById(userId) : undefined;
    if (!account) throw new AuthError('ACCOUNT_NOT_FOUND', 'No such account.');
    return account;
  }
}

export function requireAdmin(caller: Caller | undefined): Caller {
  if (!caller) throw new AuthError('UNAUTHENTICATED', 'Sign in first.');
  if (!caller.roles.includes('admin')) throw new AuthError('FORBIDDEN', 'Administrators only.');
  return caller;
}
