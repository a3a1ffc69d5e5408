import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../../components/data-table';
import { Field } from '../../../../components/field';
import { FilterForm } from '../../../../components/filter-form';
import { Badge, EmptyState } from '../../../../components/page-parts';
import { Pager } from '../../../../components/pager';
import { SelectField } from '../../../../components/select-field';
import ui from '../../../../components/ui.module.css';
import { formatDate } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi, PLATFORM_ROLES, type AdminUserQuery, type AdminUserSummary } from '../../../../lib/api/admin';
import { must } from '../../../../lib/caller';
import { cursorTrail, param, type SearchParams } from '../../../../lib/search-params';
import styles from '../admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.users };
}

const STATUSES = ['active', 'suspended', 'deleted'] as const;
const pick = <T extends string>(values: readonly T[], value: string): T | undefined => values.find((each) => each === value);

export default async function AdminUsersPage({ searchParams }: { readonly searchParams: Promise<SearchParams> }) {
  const caller = await requireAdmin();
  const query = await searchParams;
  const q = param(query.q);
  const status = pick(STATUSES, param(query.status));
  const role = pick(PLATFORM_ROLES, param(query.role));
  const pages = cursorTrail(query, '/admin/users', { q, status: status ?? '', role: role ?? '' });
  const filter: AdminUserQuery = {
    limit: 25,
    ...(q && { q }),
    ...(status && { status }),
    ...(role && { role }),
    ...(pages.cursor && { cursor: pages.cursor }),
  };
  const [page, i18n] = await Promise.all([adminApi.users(caller, filter).then(must), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.usersLead}</p>
      <FilterForm
        action="/admin/users"
        key={`${q}|${status}|${role}`}
        submitLabel={t.filter}
        clearLabel={t.clear}
        active={Boolean(q || status || role)}
      >
        <Field name="q" idPrefix="filter" type="search" label={t.search} placeholder={t.searchPlaceholder} defaultValue={q} />
        <SelectField
          name="status"
          idPrefix="filter"
          label={t.status}
          defaultValue={status ?? ''}
          options={[{ value: '', label: t.any }, ...STATUSES.map((each) => ({ value: each, label: t.userStatus[each] ?? each }))]}
        />
        <SelectField
          name="role"
          idPrefix="filter"
          label={t.role}
          defaultValue={role ?? ''}
          options={[{ value: '', label: t.any }, ...PLATFORM_ROLES.map((each) => ({ value: each, label: t.platformRoles[each] ?? each }))]}
        />
      </FilterForm>
      {page.items.length === 0 ? (
        <EmptyState title={t.noUsers} />
      ) : (
        <DataTable<AdminUserSummary>
          rows={page.items}
          rowKey={(user) => user.id}
          columns={[
            { header: t.name, cell: (user) => <Link href={`/admin/users/${user.id}`}>{user.displayName || user.email}</Link> },
            { header: t.email, className: styles.wrap, cell: (user) => user.email },
            { header: t.roles, cell: (user) => user.roles.map((each) => t.platformRoles[each] ?? each).join(', ') },
            {
              header: t.status,
              cell: (user) => (
                <Badge tone={user.status === 'active' ? 'success' : user.status === 'suspended' ? 'danger' : 'neutral'}>
                  {t.userStatus[user.status] ?? user.status}
                </Badge>
              ),
            },
            { header: t.verified, cell: (user) => (user.emailVerified ? m.common.yes : m.common.no) },
            { header: t.created, className: ui.nowrap, cell: (user) => formatDate(user.createdAt, i18n) },
          ]}
        />
      )}
      <Pager previous={pages.previous} next={pages.next(page.nextCursor)} m={m.common} />
    </div>
  );
}
