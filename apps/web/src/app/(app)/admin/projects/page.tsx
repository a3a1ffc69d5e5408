import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../../components/data-table';
import { Field } from '../../../../components/field';
import { FilterForm } from '../../../../components/filter-form';
import { EmptyState } from '../../../../components/page-parts';
import { Pager } from '../../../../components/pager';
import { SelectField } from '../../../../components/select-field';
import ui from '../../../../components/ui.module.css';
import { formatDate } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi, type AdminProject, type AdminProjectQuery } from '../../../../lib/api/admin';
import { must } from '../../../../lib/caller';
import { cursorTrail, param, type SearchParams } from '../../../../lib/search-params';
import styles from '../admin.module.css';
import { ProjectOwner, ProjectStatus } from './project-parts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.projects };
}

const STATUSES = ['active', 'archived'] as const;
const PLANS = ['free', 'pro', 'business'] as const;
const pick = <T extends string>(values: readonly T[], value: string): T | undefined => values.find((each) => each === value);

export default async function AdminProjectsPage({ searchParams }: { readonly searchParams: Promise<SearchParams> }) {
  const caller = await requireAdmin();
  const query = await searchParams;
  const q = param(query.q);
  const status = pick(STATUSES, param(query.status));
  const plan = pick(PLANS, param(query.plan));
  const pages = cursorTrail(query, '/admin/projects', { q, status: status ?? '', plan: plan ?? '' });
  const filter: AdminProjectQuery = {
    limit: 25,
    ...(q && { q }),
    ...(status && { status }),
    ...(plan && { plan }),
    ...(pages.cursor && { cursor: pages.cursor }),
  };
  const [page, i18n] = await Promise.all([adminApi.projects(caller, filter).then(must), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.projectsLead}</p>
      <FilterForm
        action="/admin/projects"
        key={`${q}|${status}|${plan}`}
        submitLabel={t.filter}
        clearLabel={t.clear}
        active={Boolean(q || status || plan)}
      >
        <Field name="q" idPrefix="filter" type="search" label={t.search} placeholder={t.projectSearchPlaceholder} defaultValue={q} />
        <SelectField
          name="status"
          idPrefix="filter"
          label={t.status}
          defaultValue={status ?? ''}
          options={[{ value: '', label: t.any }, ...STATUSES.map((each) => ({ value: each, label: t.projectStatus[each] ?? each }))]}
        />
        <SelectField
          name="plan"
          idPrefix="filter"
          label={t.plan}
          defaultValue={plan ?? ''}
          options={[{ value: '', label: t.anyPlan }, ...PLANS.map((each) => ({ value: each, label: t.planNames[each] ?? each }))]}
        />
      </FilterForm>
      {page.items.length === 0 ? (
        <EmptyState title={t.noProjects} />
      ) : (
        <DataTable<AdminProject>
          rows={page.items}
          rowKey={(project) => project.id}
          columns={[
            { header: t.name, cell: (project) => <Link href={`/admin/projects/${project.id}`}>{project.name}</Link> },
            { header: t.key, className: ui.mono, cell: (project) => project.key },
            { header: t.owner, className: styles.wrap, cell: (project) => <ProjectOwner project={project} m={t} /> },
            { header: t.plan, cell: (project) => t.planNames[project.plan] ?? project.plan },
            { header: t.status, cell: (project) => <ProjectStatus archived={project.archived} m={t} /> },
            { header: t.members, cell: (project) => project.membersCount },
            { header: t.tasks, cell: (project) => project.tasksCount },
            { header: t.created, className: ui.nowrap, cell: (project) => formatDate(project.createdAt, i18n) },
          ]}
        />
      )}
      <Pager previous={pages.previous} next={pages.next(page.nextCursor)} m={m.common} />
    </div>
  );
}
