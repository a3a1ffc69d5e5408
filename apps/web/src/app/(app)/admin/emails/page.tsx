import type { Metadata } from 'next';
import { ActionButton } from '../../../../components/action-button';
import { DataTable } from '../../../../components/data-table';
import { Badge, EmptyState } from '../../../../components/page-parts';
import { Pager } from '../../../../components/pager';
import ui from '../../../../components/ui.module.css';
import { fill, formatDateTime } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi, type EmailDelivery } from '../../../../lib/api/admin';
import { must } from '../../../../lib/caller';
import { newIdempotencyKey } from '../../../../lib/idempotency';
import { param, type SearchParams } from '../../../../lib/search-params';
import styles from '../admin.module.css';
import { resendEmail } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.emails };
}

export default async function AdminEmailsPage({ searchParams }: { readonly searchParams: Promise<SearchParams> }) {
  const caller = await requireAdmin();
  const cursor = param((await searchParams).cursor);
  const [page, i18n] = await Promise.all([adminApi.emails(caller, { limit: 50, ...(cursor && { cursor }) }).then(must), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.emailsLead}</p>
      {page.items.length === 0 ? (
        <EmptyState title={t.noEmails} />
      ) : (
        <DataTable<EmailDelivery>
          rows={page.items}
          rowKey={(email) => email.id}
          columns={[
            { header: t.to, className: styles.wrap, cell: (email) => email.to },
            { header: t.template, className: ui.mono, cell: (email) => email.template },
            {
              header: t.status,
              cell: (email) => (
                <Badge tone={email.status === 'sent' ? 'success' : email.status === 'failed' ? 'danger' : 'neutral'}>{email.status}</Badge>
              ),
            },
            { header: t.attempts, cell: (email) => email.attempts },
            { header: t.lastError, className: styles.wrap, cell: (email) => email.lastError ?? '—' },
            { header: t.created, className: ui.nowrap, cell: (email) => formatDateTime(email.createdAt, i18n) },
            { header: t.sentAt, className: ui.nowrap, cell: (email) => formatDateTime(email.sentAt, i18n) || '—' },
            {
              header: t.resend,
              hiddenHeader: true,
              cell: (email) => (
                <ActionButton
                  action={resendEmail}
                  fields={{ deliveryId: email.id, idempotencyKey: newIdempotencyKey() }}
                  label={t.resend}
                  ariaLabel={fill(t.resendTo, { template: email.template, to: email.to })}
                  variant="secondary"
                />
              ),
            },
          ]}
        />
      )}
      <Pager
        previous={cursor ? '/admin/emails' : undefined}
        next={page.nextCursor ? `/admin/emails?cursor=${encodeURIComponent(page.nextCursor)}` : undefined}
        m={m.common}
        previousIsFirst
      />
    </div>
  );
}
