import type { Metadata } from 'next';
import { ActionButton } from '../../../../components/action-button';
import { DataTable } from '../../../../components/data-table';
import { EmptyState } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';
import { fill, formatDateTime } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi, type DeadLetter } from '../../../../lib/api/admin';
import { must } from '../../../../lib/caller';
import styles from '../admin.module.css';
import { redriveDeadLetter } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.deadLetters };
}

function payloadText(payload: unknown): string {
  return typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
}

export default async function DeadLettersPage() {
  const caller = await requireAdmin();
  const [page, i18n] = await Promise.all([adminApi.deadLetters(caller, { limit: 100 }).then(must), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.deadLettersLead}</p>
      {page.items.length === 0 ? (
        <EmptyState title={t.noDeadLetters} />
      ) : (
        <DataTable<DeadLetter>
          rows={page.items}
          rowKey={(letter) => letter.id}
          columns={[
            { header: t.queue, className: ui.mono, cell: (letter) => letter.queue },
            { header: t.event, className: ui.mono, cell: (letter) => letter.eventType ?? letter.eventId },
            { header: t.reason, className: styles.wrap, cell: (letter) => letter.reason },
            { header: t.attempts, cell: (letter) => letter.attempts },
            { header: t.deadLetteredAt, className: ui.nowrap, cell: (letter) => formatDateTime(letter.deadLetteredAt, i18n) || '—' },
            {
              header: t.payload,
              cell: (letter) => (
                <details>
                  <summary>{t.payload}</summary>
                  <pre className={styles.payload}>{payloadText(letter.payload)}</pre>
                </details>
              ),
            },
            {
              header: t.redrive,
              hiddenHeader: true,
              cell: (letter) => (
                <ActionButton
                  action={redriveDeadLetter}
                  fields={{ deadLetterId: letter.id }}
                  label={t.redrive}
                  ariaLabel={fill(t.redriveOf, { id: letter.eventId })}
                  variant="secondary"
                />
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
