import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../../../components/data-table';
import { EmptyState, Panel } from '../../../../../components/page-parts';
import ui from '../../../../../components/ui.module.css';
import { fill, formatDateTime, formatMoney, plural } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import type { I18n } from '../../../../../i18n/server';
import { billingApi, type Payment, type Plan } from '../../../../../lib/api/billing';
import { redirectIfSignedOut, requireCaller } from '../../../../../lib/caller';
import { newIdempotencyKey } from '../../../../../lib/idempotency';
import { getProject, permissionsOf } from '../../../../../lib/project-context';
import { Checkout, type PlanCard } from './checkout';
import { PaymentStatus } from './payment-status';

interface BillingPageProps {
  readonly params: Promise<{ projectId: string }>;
}

export async function generateMetadata({ params }: BillingPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  return { title: `${m.billing.title} · ${project.name}` };
}

function planCard(plan: Plan, current: Plan | undefined, i18n: I18n): PlanCard {
  const { m, intlLocale } = i18n;
  const t = m.billing;
  const price =
    plan.price.amount === 0 ? t.free : fill(t.perMonth, { price: formatMoney(plan.price.amount, plan.price.currency, intlLocale) });
  const members = plan.limits.members ?? null;
  const tasks = plan.limits.tasks ?? null;
  return {
    id: plan.id,
    name: plan.name,
    price,
    amount: plan.price.amount,
    currency: plan.price.currency,
    limits: [
      members === null ? t.unlimitedMembers : plural(members, t.members),
      tasks === null ? t.unlimitedTasks : plural(tasks, t.tasks),
    ],
    current: plan.id === current?.id,
    upgrade: plan.price.amount > (current?.price.amount ?? 0),
  };
}

// The project's plan and payments. Upgrading goes through the payment sandbox with its test cards.
export default async function BillingPage({ params }: BillingPageProps) {
  const { projectId } = await params;
  const caller = await requireCaller();
  const [project, i18n] = await Promise.all([getProject(projectId), getI18n()]);
  const { m } = i18n;
  const t = m.billing;
  const { canManage } = permissionsOf(project);
  const [plans, payments] = await Promise.all([billingApi.plans(caller), billingApi.projectPayments(caller, projectId, { limit: 50 })]);
  if (!plans.ok) {
    redirectIfSignedOut(plans.problem);
    return (
      <Panel title={t.title}>
        <p className={ui.warning}>{t.unavailable}</p>
      </Panel>
    );
  }
  const current = plans.data.items.find((plan) => plan.id === project.plan);
  return (
    <div className={ui.stack}>
      <Panel title={t.plans} lead={canManage ? t.lead : `${t.lead} ${t.manageOnly}`}>
        <Checkout
          projectId={projectId}
          projectName={project.name}
          plans={plans.data.items.map((plan) => planCard(plan, current, i18n))}
          canManage={canManage && !project.archived}
          idempotencyKey={newIdempotencyKey()}
          m={t}
        />
      </Panel>
      <Panel title={t.history}>
        {!payments.ok ? (
          <p className={ui.muted}>{payments.problem.status === 403 ? t.manageOnly : t.unavailable}</p>
        ) : payments.data.items.length === 0 ? (
          <EmptyState title={t.noPayments} />
        ) : (
          <DataTable<Payment>
            rows={payments.data.items}
            rowKey={(payment) => payment.id}
            columns={[
              { header: t.date, className: ui.nowrap, cell: (payment) => formatDateTime(payment.createdAt, i18n) },
              { header: t.plan, cell: (payment) => plans.data.items.find((plan) => plan.id === payment.planId)?.name ?? payment.planId },
              { header: t.amount, className: ui.nowrap, cell: (payment) => formatMoney(payment.amount, payment.currency, i18n.intlLocale) },
              { header: t.status, cell: (payment) => <PaymentStatus status={payment.status} m={t} /> },
              {
                header: t.receipt,
                cell: (payment) =>
                  (payment.status === 'succeeded' || payment.status === 'refunded') && (
                    <Link href={`/projects/${projectId}/billing/receipts/${payment.id}`}>{t.viewReceipt}</Link>
                  ),
              },
            ]}
          />
        )}
      </Panel>
    </div>
  );
}
