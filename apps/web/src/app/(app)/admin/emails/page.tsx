import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '../../../../components/action-button';
import { Badge, EmptyState } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';
import { fill, formatDateTime } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi } from '../../../../lib/api/admin';
import { must } from '../../../../lib/caller';
import { newIdempotencyKey } from '../../../../lib/idempotency';
import styles from '../admin.module.css';
import { resendEmail } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.emails };
}

interface EmailsPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminEmailsPage({ searchParams }: EmailsPageProps) {
  const caller = await requireAdmin();
  const { cursor } = await searchParams;
  const [page, i18n] = await Promise.all([
    adminApi.emails(caller, { limit: 50, ...(typeof cursor === 'string' && { cursor }) }).then(must),
    getI18n(),
  ]);
  const { m } = i18n;
  const t = m.admin;
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.emailsLead}</p>
      {page.items.length === 0 ? (
        <EmptyState title={t.noEmails} />
      ) : (
        <div className={ui.tableWrap}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th scope="col">{t.to}</th>
                <th scope="col">{t.template}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.attempts}</th>
                <th scope="col">{t.lastError}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.sentAt}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.resend}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((email) => (
                <tr key={email.id}>
                  <td className={styles.wrap}>{email.to}</td>
                  <td className={ui.mono}>{email.template}</td>
                  <td>
                    <Badge tone={email.status === 'sent' ? 'success' : email.status === 'failed' ? 'danger' : 'neutral'}>
                      {email.status}
                    </Badge>
                  </td>
                  <td>{email.attempts}</td>
                  <td className={styles.wrap}>{email.lastError ?? '—'}</td>
                  <td className={ui.nowrap}>{formatDateTime(email.createdAt, i18n)}</td>
                  <td className={ui.nowrap}>{formatDateTime(email.sentAt, i18n) || '—'}</td>
                  <td>
                    <ActionButton
                      action={resendEmail}
                      fields={{ deliveryId: email.id, idempotencyKey: newIdempotencyKey() }}
                      label={t.resend}
                      ariaLabel={fill(t.resendTo, { template: email.template, to: email.to })}
                      variant="secondary"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <nav className={ui.pager} aria-label={m.common.pagination}>
          {typeof cursor === 'string' ? <Link href="/admin/emails">{m.common.firstPage}</Link> : <span />}
          <Link href={`/admin/emails?cursor=${encodeURIComponent(page.nextCursor)}`}>{m.common.nextPage}</Link>
        </nav>
      )}
    </div>
  );
}
