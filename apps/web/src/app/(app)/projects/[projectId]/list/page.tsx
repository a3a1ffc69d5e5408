import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../../../components/data-table';
import { Field } from '../../../../../components/field';
import { FilterForm } from '../../../../../components/filter-form';
import { EmptyState } from '../../../../../components/page-parts';
import { Pager } from '../../../../../components/pager';
import { SelectField } from '../../../../../components/select-field';
import ui from '../../../../../components/ui.module.css';
import { formatDate, formatDateTime } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { TASK_STATUSES, tasksApi, type Task, type TaskQuery } from '../../../../../lib/api/tasks';
import { must, requireCaller } from '../../../../../lib/caller';
import { getMembers, getProject, memberNames } from '../../../../../lib/project-context';
import { cursorTrail, param, type SearchParams } from '../../../../../lib/search-params';
import { PriorityBadge, StatusBadge } from '../task-badges';
import styles from './list.module.css';

const PAGE_SIZE = 25;

interface ListPageProps {
  readonly params: Promise<{ projectId: string }>;
  readonly searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: ListPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  return { title: `${m.workspace.list.title} · ${project.name}` };
}

// The list: every task, filtered by status, assignee and a search, a page at a time (cursor paging).
// The filters are a GET form, so a filtered list is a link that can be shared or bookmarked.
export default async function ListPage({ params, searchParams }: ListPageProps) {
  const { projectId } = await params;
  const query = await searchParams;
  const q = param(query.q);
  const status = TASK_STATUSES.find((each) => each === param(query.status));
  const assigneeId = param(query.assigneeId);
  const base = `/projects/${projectId}/list`;
  const pages = cursorTrail(query, base, { q, status: status ?? '', assigneeId });

  const caller = await requireCaller();
  const [members, i18n] = await Promise.all([getMembers(projectId), getI18n()]);
  const { m } = i18n;
  const t = m.workspace;
  const filter: TaskQuery = {
    limit: PAGE_SIZE,
    ...(q && { q }),
    ...(status && { status }),
    ...(assigneeId && { assigneeId }),
    ...(pages.cursor && { cursor: pages.cursor }),
  };
  const page = must(await tasksApi.list(caller, projectId, filter));
  const names = memberNames(members);
  const filtered = Boolean(q || status || assigneeId);

  return (
    <div className={ui.stack}>
      <h1 className="visually-hidden">{t.list.title}</h1>
      <FilterForm
        action={base}
        label={t.list.filters}
        key={`${q}|${status}|${assigneeId}`}
        submitLabel={t.list.filter}
        clearLabel={t.list.clear}
        active={filtered}
      >
        <Field name="q" idPrefix="filter" type="search" label={t.list.search} placeholder={t.list.searchPlaceholder} defaultValue={q} />
        <SelectField
          name="status"
          idPrefix="filter"
          label={t.tasks.status}
          defaultValue={status ?? ''}
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
      </FilterForm>

      {page.items.length === 0 ? (
        <EmptyState title={filtered ? t.list.empty : t.list.emptyProject} />
      ) : (
        <DataTable<Task>
          caption={t.list.results}
          rows={page.items}
          rowKey={(task) => task.id}
          columns={[
            { header: t.tasks.key, className: `${ui.mono} ${ui.nowrap}`, cell: (task) => task.key },
            {
              header: t.tasks.title,
              className: styles.titleCell,
              cell: (task) => <Link href={`/projects/${projectId}/tasks/${task.id}`}>{task.title}</Link>,
            },
            { header: t.tasks.status, cell: (task) => <StatusBadge status={task.status} m={t} /> },
            { header: t.tasks.priority, cell: (task) => <PriorityBadge priority={task.priority} m={t} /> },
            {
              header: t.tasks.assignee,
              className: ui.nowrap,
              cell: (task) =>
                task.assigneeId ? (names.get(task.assigneeId) ?? '—') : <span className={ui.muted}>{t.tasks.unassigned}</span>,
            },
            { header: t.tasks.dueDate, className: ui.nowrap, cell: (task) => formatDate(task.dueDate, i18n) },
            { header: t.tasks.updated, className: ui.nowrap, cell: (task) => formatDateTime(task.updatedAt, i18n) },
          ]}
        />
      )}

      <Pager previous={pages.previous} next={pages.next(page.nextCursor)} m={m.common} />
    </div>
  );
}
