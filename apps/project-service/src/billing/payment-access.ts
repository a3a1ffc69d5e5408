import type { Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AccessError } from '../access/access.errors.js';
import { ProjectAccess } from '../access/project-access.js';
import type { ProjectRole } from '../access/project-roles.js';
import { isUuid } from '../common/validation.js';
import { BillingError } from './billing.errors.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';

const PLATFORM_ADMIN = 'admin';

/** Who may see or act on a payment: members of its project by role, platform admins for the admin RPCs. */
@Injectable()
export class PaymentAccess {
  constructor(
    private readonly access: ProjectAccess,
    private readonly payments: PaymentsRepository,
  ) {}

  /** The payment, if the caller has at least `least` in its project; otherwise as if it did not exist. */
  async require(paymentId: string, caller: Caller | undefined, least: ProjectRole): Promise<PaymentRow> {
    this.access.signedIn(caller);
    const payment = isUuid(paymentId) ? await this.payments.find(paymentId) : undefined;
    if (!payment) throw paymentNotFound();
    try {
      await this.access.require(payment.projectId, caller, least);
    } catch (error) {
      // A payment of a project one cannot see is not one to know about either.
      if (error instanceof AccessError && error.code === 'PROJECT_NOT_FOUND') throw paymentNotFound();
      throw error;
    }
    return payment;
  }

  requirePlatformAdmin(caller: Caller | undefined): Caller {
    const signedIn = this.access.signedIn(caller);
    if (!signedIn.roles.includes(PLATFORM_ADMIN)) throw new BillingError('FORBIDDEN', 'This is for platform administrators.');
    return signedIn;
  }
}

export function paymentNotFound(): BillingError {
  return new BillingError('PAYMENT_NOT_FOUND', 'No such payment.');
}
