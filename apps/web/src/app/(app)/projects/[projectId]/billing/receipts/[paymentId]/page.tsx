import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Panel } from '../../../../../../../components/page-parts';
import ui from '../../../../../../../components/ui.module.css';
import { formatDateTime, formatMoney } from '../../../../../../../i18n/format';
import { getI18n } from '../../../../../../../i18n/server';
import { billingApi } from '../../../../../../../lib/api/billing';
import { must, requireCaller } from '../../../../../../../lib/caller';
import { getProject } from '../../../../../../../lib/project-context';
import styles from '../../billing.module.css';
import { PaymentStatus } from '../../payment-status';
import { PrintButton } from './print-button';

interface ReceiptPageProps {
  readonly params: Promise<{ projectId: string; paymentId: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.billing.receiptTitle };
}

// A printable receipt of one payment. The API has no single-payment read for customers, so the payment
// is found in the project's payment list (the receipt number comes from the billing service).
export default async function ReceiptPage({ params }: ReceiptPageProps) {
  const { projectId, paymentId } = await params;
  const caller = await requireCaller();
  const [project, i18n, payments, plans] = await Promise.all([
    getProject(projectId),
    getI18n(),
    billingApi.projectPayments(caller, projectId, { limit: 100 }).then(must),
    billingApi.plans(caller),
  ]);
  const payment = payments.items.find((each) => each.id === paymentId);
  if (!payment) notFound();
  const { m } = i18n;
  const t = m.billing;
  const planName = (plans.ok ? plans.data.items.find((plan) => plan.id === payment.planId)?.name : undefined) ?? payment.planId;
  return (
    <div className={styles.receipt}>
      <Panel title={t.receiptTitle}>
        <dl className={ui.details}>
          <div className={ui.detailRow}>
            <dt>{t.receiptNumber}</dt>
            <dd className={ui.mono}>{payment.receiptNumber ?? payment.id}</dd>
          </div>
          <div className={ui.detailRow}>
            <dt>{t.paidOn}</dt>
            <dd>{formatDateTime(payment.createdAt, i18n)}</dd>
          </div>
          <div className={ui.detailRow}>
            <dt>{t.project}</dt>
            <dd>
              {project.name} ({project.key})
            </dd>
          </div>
          <div className={ui.detailRow}>
            <dt>{t.plan}</dt>
            <dd>{planName}</dd>
          </div>
          <div className={ui.detailRow}>
            <dt>{t.amount}</dt>
            <dd>{formatMoney(payment.amount, payment.currency, i18n.intlLocale)}</dd>
          </div>
          {payment.refundedAmount > 0 && (
            <div className={ui.detailRow}>
              <dt>{t.refunded}</dt>
              <dd>{formatMoney(payment.refundedAmount, payment.currency, i18n.intlLocale)}</dd>
            </div>
          )}
          <div className={ui.detailRow}>
            <dt>{t.status}</dt>
            <dd>
              <PaymentStatus status={payment.status} m={t} />
            </dd>
          </div>
          <div className={ui.detailRow}>
            <dt>{t.paymentId}</dt>
            <dd className={ui.mono}>{payment.id}</dd>
          </div>
        </dl>
        <div className={`${ui.actions} ${styles.noPrint}`}>
          <PrintButton label={t.print} />
          <Link href={`/projects/${projectId}/billing`}>{t.backToBilling}</Link>
        </div>
      </Panel>
    </div>
  );
}
