import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '../../../../components/button-class';
import { Field } from '../../../../components/field';
import { EmptyState } from '../../../../components/page-parts';
import { SelectField } from '../../../../components/select-field';
import ui from '../../../../components/ui.module.css';
import { formatDateTime, formatMoney } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { billingApi } from '../../../../lib/api/billing';
import { redirectIfSignedOut } from '../../../../lib/caller';
import { newIdempotencyKey } from '../../../../lib/idempotency';
import { PaymentStatus } from '../../projects/[projectId]/billing/payment-status';
import styles from '../admin.module.css';
import { RefundForm } from './refund-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.payments };
}

interface PaymentsPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATUSES = ['pending', 'processing', 'succeeded', 'failed', 'refunded'];
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : '');

export default async function AdminPaymentsPage({ searchParams }: PaymentsPageProps) {
  const caller = await requireAdmin();
  const query = await searchParams;
  const status = one(query.status);
  const projectId = one(query.projectId);
  const cursor = one(query.cursor);
  const [result, i18n] = await Promise.all([
    billingApi.allPayments(caller, {
      limit: 50,
      ...(STATUSES.includes(status) && { status }),
      ...(projectId && { projectId }),
      ...(cursor && { cursor }),
    }),
    getI18n(),
  ]);
  const { m } = i18n;
  const t = m.admin;
  if (!result.ok) redirectIfSignedOut(result.problem);
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.paymentsLead}</p>
      <form method="get" action="/admin/payments" className={styles.filters} key={`${status}|${projectId}`}>
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
        <div className={ui.actions}>
          <button type="submit" className={buttonClass({ inline: true })}>
            {t.filter}
          </button>
          {(status || projectId) && (
            <Link href="/admin/payments" className={buttonClass({ variant: 'secondary', inline: true })}>
              {t.clear}
            </Link>
          )}
        </div>
      </form>
      {!result.ok ? (
        <p className={ui.warning}>{result.problem.status === 404 ? t.billingUnavailable : m.billing.unavailable}</p>
      ) : result.data.items.length === 0 ? (
        <EmptyState title={t.noPayments} />
      ) : (
        <div className={ui.tableWrap}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.project}</th>
                <th scope="col">{t.plan}</th>
                <th scope="col">{t.amount}</th>
                <th scope="col">{t.refundedAmount}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.refund}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((payment) => (
                <tr key={payment.id}>
                  <td className={ui.nowrap}>{formatDateTime(payment.createdAt, i18n)}</td>
                  <td className={ui.mono}>
                    {payment.projectId ? (
                      <Link href={`/admin/payments?projectId=${payment.projectId}`}>{payment.projectId.slice(0, 8)}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{payment.planId}</td>
                  <td className={ui.nowrap}>{formatMoney(payment.amount, payment.currency, i18n.intlLocale)}</td>
                  <td className={ui.nowrap}>
                    {payment.refundedAmount > 0 ? formatMoney(payment.refundedAmount, payment.currency, i18n.intlLocale) : '—'}
                  </td>
                  <td>
                    <PaymentStatus status={payment.status} m={m.billing} />
                  </td>
                  <td>
                    {payment.status === 'succeeded' && payment.refundedAmount < payment.amount && (
                      <RefundForm paymentId={payment.id} currency={payment.currency} idempotencyKey={newIdempotencyKey()} m={t} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.ok && result.data.nextCursor && (
        <nav className={ui.pager} aria-label={m.common.pagination}>
          {cursor ? <Link href="/admin/payments">{m.common.firstPage}</Link> : <span />}
          <Link
            href={`/admin/payments?${new URLSearchParams({ ...(status && { status }), ...(projectId && { projectId }), cursor: result.data.nextCursor }).toString()}`}
          >
            {m.common.nextPage}
          </Link>
        </nav>
      )}
    </div>
  );
}
