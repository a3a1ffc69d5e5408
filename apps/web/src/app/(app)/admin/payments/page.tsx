import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../../components/data-table';
import { Field } from '../../../../components/field';
import { FilterForm } from '../../../../components/filter-form';
import { EmptyState } from '../../../../components/page-parts';
import { Pager } from '../../../../components/pager';
import { SelectField } from '../../../../components/select-field';
import ui from '../../../../components/ui.module.css';
import { formatDateTime, formatMoney } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { billingApi, isPaymentStatus, type Payment } from '../../../../lib/api/billing';
import { redirectIfSignedOut } from '../../../../lib/caller';
import { newIdempotencyKey } from '../../../../lib/idempotency';
import { param, type SearchParams } from '../../../../lib/search-params';
import { PaymentStatus } from '../../projects/[projectId]/billing/payment-status';
import { RefundForm } from './refund-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.payments };
}

const STATUSES = ['pending', 'processing', 'succeeded', 'failed', 'refunded'];

export default async function AdminPaymentsPage({ searchParams }: { readonly searchParams: Promise<SearchParams> }) {
  const caller = await requireAdmin();
  const query = await searchParams;
  const status = param(query.status);
  const projectId = param(query.projectId);
  const cursor = param(query.cursor);
  const [result, i18n] = await Promise.all([
    billingApi.allPayments(caller, {
      limit: 50,
      ...(isPaymentStatus(status) && { status }),
      ...(projectId && { projectId }),
      ...(cursor && { cursor }),
    }),
    getI18n(),
  ]);
  const { m } = i18n;
  const t = m.admin;
  if (!result.ok) redirectIfSignedOut(result.problem);
  const filters = new URLSearchParams({ ...(status && { status }), ...(projectId && { projectId }) });
  const money = (amount: number, currency: string) => formatMoney(amount, currency, i18n.intlLocale);
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.paymentsLead}</p>
      <FilterForm
        action="/admin/payments"
        key={`${status}|${projectId}`}
        submitLabel={t.filter}
        clearLabel={t.clear}
        active={Boolean(status || projectId)}
      >
        <Field name="projectId" idPrefix="filter" label={t.projectId} defaultValue={projectId} spellCheck={false} />
        <SelectField
          name="status"
          idPrefix="filter"
          label={t.status}
          defaultValue={status}
          options={[
            { value: '', label: t.allStatuses },
            ...STATUSES.map((each) => ({ value: each, label: m.billing.statuses[each] ?? each })),
          ]}
        />
      </FilterForm>
      {!result.ok ? (
        <p className={ui.warning}>{result.problem.status === 404 ? t.billingUnavailable : m.billing.unavailable}</p>
      ) : result.data.items.length === 0 ? (
        <EmptyState title={t.noPayments} />
      ) : (
        <DataTable<Payment>
          rows={result.data.items}
          rowKey={(payment) => payment.id}
          columns={[
            { header: t.date, className: ui.nowrap, cell: (payment) => formatDateTime(payment.createdAt, i18n) },
            {
              header: t.project,
              className: ui.mono,
              cell: (payment) => <Link href={`/admin/projects/${payment.projectId}`}>{payment.projectId.slice(0, 8)}</Link>,
            },
            { header: t.plan, cell: (payment) => t.planNames[payment.planId] ?? payment.planId },
            { header: t.amount, className: ui.nowrap, cell: (payment) => money(payment.amount, payment.currency) },
            {
              header: t.refundedAmount,
              className: ui.nowrap,
              cell: (payment) => (payment.refundedAmount > 0 ? money(payment.refundedAmount, payment.currency) : '—'),
            },
            { header: t.status, cell: (payment) => <PaymentStatus status={payment.status} m={m.billing} /> },
            {
              header: t.refund,
              cell: (payment) =>
                payment.status === 'succeeded' &&
                payment.refundedAmount < payment.amount && (
                  <RefundForm paymentId={payment.id} currency={payment.currency} idempotencyKey={newIdempotencyKey()} m={t} />
                ),
            },
          ]}
        />
      )}
      {result.ok && (
        <Pager
          previous={cursor ? `/admin/payments?${filters.toString()}` : undefined}
          next={
            result.data.nextCursor
              ? `/admin/payments?${new URLSearchParams({ ...Object.fromEntries(filters), cursor: result.data.nextCursor }).toString()}`
              : undefined
          }
          m={m.common}
          previousIsFirst
        />
      )}
    </div>
  );
}
