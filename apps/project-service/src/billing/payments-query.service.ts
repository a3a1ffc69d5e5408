import { pageSize, toPage, type Caller, type FieldProblem } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { ProjectAccess } from '../access/project-access.js';
import { cursorPosition, isUuid } from '../common/validation.js';
import { BillingError } from './billing.errors.js';
import { PaymentAccess } from './payment-access.js';
import { isPaymentStatus } from './payment-status.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';

export interface PaymentPage {
  items: PaymentRow[];
  nextCursor: string;
}

/** Reading payments: a project's members see its payments, platform admins see all of them. */
@Injectable()
export class PaymentsQueryService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly paymentAccess: PaymentAccess,
    private readonly payments: PaymentsRepository,
  ) {}

  get(paymentId: string, caller: Caller | undefined): Promise<PaymentRow> {
    return this.paymentAccess.require(paymentId, caller, 'viewer');
  }

  async listForProject(projectId: string, caller: Caller | undefined, limit: number, cursor: string): Promise<PaymentPage> {
    await this.access.require(projectId, caller, 'viewer');
    return this.page({ projectId }, limit, cursor);
  }

  async listAll(
    filter: { status: string; projectId: string },
    caller: Caller | undefined,
    limit: number,
    cursor: string,
  ): Promise<PaymentPage> {
    this.paymentAccess.requirePlatformAdmin(caller);
    const problems: FieldProblem[] = [];
    if (filter.status && !isPaymentStatus(filter.status)) problems.push({ path: 'status', message: 'is not a payment status' });
    if (filter.projectId && !isUuid(filter.projectId)) problems.push({ path: 'projectId', message: 'must be a project id' });
    if (problems.length > 0) throw invalid(problems);
    const status = isPaymentStatus(filter.status) ? filter.status : undefined;
    return this.page({ projectId: filter.projectId || undefined, status }, limit, cursor);
  }

  private async page(filter: Parameters<PaymentsRepository['list']>[0], limit: number, cursor: string): Promise<PaymentPage> {
    const size = pageSize(limit);
    return toPage(await this.payments.list(filter, size + 1, cursorPosition(cursor, invalid)), size);
  }
}

function invalid(fields: FieldProblem[]): BillingError {
  return new BillingError('VALIDATION_FAILED', 'The payment query is invalid.', fields);
}
