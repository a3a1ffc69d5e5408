import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '../../../../../components/page-parts';
import { SelectField } from '../../../../../components/select-field';
import { Field } from '../../../../../components/field';
import { buttonClass } from '../../../../../components/button-class';
import ui from '../../../../../components/ui.module.css';
import { formatDate, formatDateTime } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { TASK_STATUSES, tasksApi, type TaskQuery } from '../../../../../lib/api/tasks';
import { must, requireCaller } from '../../../../../lib/caller';
import { getMembers, getProject, memberNames } from '../../../../../lib/project-context';
import { PriorityBadge, StatusBadge } from '../task-badges';
import styles from './list.module.css';

const PAGE_SIZE = 25;

interface ListPageProps {
  readonly params: Promise<{ projectId: string }>;
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ListPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  return { title: `${m.workspace.list.title} · ${project.name}` };
}

function one(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** The cursors of the pages before this one and of this one (`c`, repeated): "previous" drops the last. */
function cursorTrail(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).filter((cursor) => cursor !== '');
}

// The list: every task, filtered by status, assignee and a search, a page at a time (cursor paging).
// The filters are a GET form, so a filtered list is a link that can be shared or bookmarked.
export default async function ListPage({ params, searchParams }: ListPageProps) {
  const { projectId } = await params;
  const query = await searchParams;
  const q = one(query.q).trim();
  const status = one(query.status);
  const assigneeId = one(query.assigneeId);
  const trail = cursorTrail(query.c);
  const cursor = trail[trail.length - 1];

  const caller = await requireCaller();
  const [members, i18n] = await Promise.all([getMembers(projectId), getI18n()]);
  const { m } = i18n;
  const t = m.workspace;
  const filter: TaskQuery = {
    limit: PAGE_SIZE,
    ...(q && { q }),
    ...((TASK_STATUSES as readonly string[]).includes(status) && { status: status as TaskQuery['status'] }),
    ...(assigneeId && { assigneeId }),
    ...(cursor && { cursor }),
  };
  const page = must(await tasksApi.list(caller, projectId, filter));
  const names = memberNames(members);
  const filtered = q !== '' || status !== '' || assigneeId !== '';

  const base = `/projects/${projectId}/list`;
  const linkWith = (cursors: string[]) => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (status) search.set('status', status);
    if (assigneeId) search.set('assigneeId', assigneeId);
    for (const each of cursors) search.append('c', each);
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };

  return (
    <div className={ui.stack}>
      <h1 className="visually-hidden">{t.list.title}</h1>
      {/* Keyed by the filters: after a client-side navigation the selects must show the new ones. */}
      <form method="get" action={base} className={styles.filters} aria-label={t.list.filters} key={`${q}|${status}|${assigneeId}`}>
        <Field name="q" idPrefix="filter" type="search" label={t.list.search} placeholder={t.list.searchPlaceholder} defaultValue={q} />
        <SelectField
          name="status"
          idPrefix="filter"
          label={t.tasks.status}
          defaultValue={status}
          options={[{ value: '', label: t.list.allStatuses }, ...TASK_STATUSES.map((each) => ({ value: each, label: t.status[each] }))]}
        />
        <SelectField
          name="assigneeId"
          idPrefix="filter"
          label={t.tasks.assignee}
          defaultValue={assigneeId}
          options={[
            { value: '', label: t.tasks.anyone },
            ...members.map((member) => ({ value: member.userId, label: member.displayName })),
          ]}
        />
        <div className={styles.filterActions}>
          <button type="submit" className={buttonClass({ inline: true })}>
            {t.list.filter}
          </button>
          {filtered && (
            <Link href={base} className={buttonClass({ variant: 'secondary', inline: true })}>
              {t.list.clear}
            </Link>
          )}
        </div>
      </form>

      {page.items.length === 0 ? (
        <EmptyState title={filtered ? t.list.empty : t.list.emptyProject} />
      ) : (
        <div className={ui.tableWrap}>
          <table className={ui.table}>
            <caption className="visually-hidden">{t.list.results}</caption>
            <thead>
              <tr>
                <th scope="col">{t.tasks.key}</th>
                <th scope="col">{t.tasks.title}</th>
                <th scope="col">{t.tasks.status}</th>
                <th scope="col">{t.tasks.priority}</th>
                <th scope="col">{t.tasks.assignee}</th>
                <th scope="col">{t.tasks.dueDate}</th>
                <th scope="col">{t.tasks.updated}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((task) => (
                <tr key={task.id}>
                  <td className={`${ui.mono} ${ui.nowrap}`}>{task.key}</td>
                  <td className={styles.titleCell}>
                    <Link href={`/projects/${projectId}/tasks/${task.id}`}>{task.title}</Link>
                  </td>
                  <td>
                    <StatusBadge status={task.status} m={t} />
                  </td>
                  <td>
                    <PriorityBadge priority={task.priority} m={t} />
                  </td>
                  <td className={ui.nowrap}>
                    {task.assigneeId ? (names.get(task.assigneeId) ?? '—') : <span className={ui.muted}>{t.tasks.unassigned}</span>}
                  </td>
                  <td className={ui.nowrap}>{formatDate(task.dueDate, i18n)}</td>
                  <td className={ui.nowrap}>{formatDateTime(task.updatedAt, i18n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(trail.length > 0 || page.nextCursor) && (
        <nav className={ui.pager} aria-label={m.common.pagination}>
          {trail.length > 0 ? <Link href={linkWith(trail.slice(0, -1))}>{m.common.previousPage}</Link> : <span />}
          {page.nextCursor && <Link href={linkWith([...trail, page.nextCursor])}>{m.common.nextPage}</Link>}
        </nav>
      )}
    </div>
  );
}
