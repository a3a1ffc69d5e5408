import type { Metadata } from 'next';
import { ActionButton } from '../../../../components/action-button';
import { EmptyState } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';
import { fill, formatDateTime } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi } from '../../../../lib/api/admin';
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
        <div className={ui.tableWrap}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th scope="col">{t.queue}</th>
                <th scope="col">{t.event}</th>
                <th scope="col">{t.reason}</th>
                <th scope="col">{t.attempts}</th>
                <th scope="col">{t.deadLetteredAt}</th>
                <th scope="col">{t.payload}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.redrive}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((letter) => (
                <tr key={letter.id}>
                  <td className={ui.mono}>{letter.queue}</td>
                  <td className={ui.mono}>{letter.eventType ?? letter.eventId}</td>
                  <td className={styles.wrap}>{letter.reason}</td>
                  <td>{letter.attempts}</td>
                  <td className={ui.nowrap}>{formatDateTime(letter.deadLetteredAt, i18n) || '—'}</td>
                  <td>
                    <details>
                      <summary>{t.payload}</summary>
                      <pre className={styles.payload}>{payloadText(letter.payload)}</pre>
                    </details>
                  </td>
                  <td>
                    <ActionButton
                      action={redriveDeadLetter}
                      fields={{ deadLetterId: letter.id }}
                      label={t.redrive}
                      ariaLabel={fill(t.redriveOf, { id: letter.eventId })}
                      variant="secondary"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
