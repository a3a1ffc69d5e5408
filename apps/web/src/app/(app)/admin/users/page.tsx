import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '../../../../components/button-class';
import { Field } from '../../../../components/field';
import { Badge, EmptyState } from '../../../../components/page-parts';
import { SelectField } from '../../../../components/select-field';
import ui from '../../../../components/ui.module.css';
import { formatDate } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { adminApi, type AdminUserQuery } from '../../../../lib/api/admin';
import { must } from '../../../../lib/caller';
import styles from '../admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.users };
}

interface UsersPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');
const STATUSES = ['active', 'suspended', 'deleted'] as const;

export default async function AdminUsersPage({ searchParams }: UsersPageProps) {
  const caller = await requireAdmin();
  const query = await searchParams;
  const q = one(query.q).trim();
  const status = one(query.status);
  const role = one(query.role);
  const trail = (Array.isArray(query.c) ? query.c : query.c ? [query.c] : []).filter(Boolean);
  const filter: AdminUserQuery = {
    limit: 25,
    ...(q && { q }),
    ...((STATUSES as readonly string[]).includes(status) && { status: status as AdminUserQuery['status'] }),
    ...((role === 'admin' || role === 'customer') && { role }),
    ...(trail.length > 0 && { cursor: trail[trail.length - 1] }),
  };
  const [page, i18n] = await Promise.all([adminApi.users(caller, filter).then(must), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  const linkWith = (cursors: string[]) => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (status) search.set('status', status);
    if (role) search.set('role', role);
    for (const cursor of cursors) search.append('c', cursor);
    return `/admin/users?${search.toString()}`;
  };
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.usersLead}</p>
      <form method="get" action="/admin/users" className={styles.filters} key={`${q}|${status}|${role}`}>
        <Field name="q" idPrefix="filter" type="search" label={t.search} placeholder={t.searchPlaceholder} defaultValue={q} />
        <SelectField
          name="status"
          idPrefix="filter"
          label={t.status}
          defaultValue={status}
          options={[{ value: '', label: t.any }, ...STATUSES.map((each) => ({ value: each, label: t.userStatus[each] ?? each }))]}
        />
        <SelectField
          name="role"
          idPrefix="filter"
          label={t.role}
          defaultValue={role}
          options={[
            { value: '', label: t.any },
            ...['customer', 'admin'].map((each) => ({ value: each, label: t.platformRoles[each] ?? each })),
          ]}
        />
        <div className={ui.actions}>
          <button type="submit" className={buttonClass({ inline: true })}>
            {t.filter}
          </button>
          {(q || status || role) && (
            <Link href="/admin/users" className={buttonClass({ variant: 'secondary', inline: true })}>
              {t.clear}
            </Link>
          )}
        </div>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={t.noUsers} />
      ) : (
        <div className={ui.tableWrap}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.roles}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.verified}</th>
                <th scope="col">{t.created}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link href={`/admin/users/${user.id}`}>{user.displayName || user.email}</Link>
                  </td>
                  <td className={styles.wrap}>{user.email}</td>
                  <td>{user.roles.map((each) => t.platformRoles[each] ?? each).join(', ')}</td>
                  <td>
                    <Badge tone={user.status === 'active' ? 'success' : user.status === 'suspended' ? 'danger' : 'neutral'}>
                      {t.userStatus[user.status] ?? user.status}
                    </Badge>
                  </td>
                  <td>{user.emailVerified ? m.common.yes : m.common.no}</td>
                  <td className={ui.nowrap}>{formatDate(user.createdAt, i18n)}</td>
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
