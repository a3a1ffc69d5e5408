import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '../../../../../components/action-button';
import { Badge, Panel } from '../../../../../components/page-parts';
import ui from '../../../../../components/ui.module.css';
import { formatDateTime } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { requireAdmin } from '../../../../../lib/admin-guard';
import { adminApi } from '../../../../../lib/api/admin';
import { must } from '../../../../../lib/caller';
import { forceLogout, setSuspended } from '../actions';
import { RolesForm } from './roles-form';

interface AdminUserPageProps {
  readonly params: Promise<{ userId: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.users };
}

export default async function AdminUserPage({ params }: AdminUserPageProps) {
  const caller = await requireAdmin();
  const { userId } = await params;
  const [user, i18n] = await Promise.all([adminApi.user(caller, userId).then(must), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  const row = (label: string, value: React.ReactNode) => (
    <div className={ui.detailRow}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className={ui.stack}>
      <Link href="/admin/users">← {t.user.back}</Link>
      <Panel title={user.displayName || user.email}>
        <dl className={ui.details}>
          {row(t.email, user.email)}
          {row(t.status, <Badge tone={user.status === 'active' ? 'success' : 'danger'}>{t.userStatus[user.status] ?? user.status}</Badge>)}
          {row(t.roles, user.roles.map((role) => t.platformRoles[role] ?? role).join(', '))}
          {row(t.verified, user.emailVerified ? m.common.yes : m.common.no)}
          {row(t.user.mfa, user.mfaEnabled ? m.common.yes : m.common.no)}
          {row(t.user.sessions, user.sessionsCount)}
          {row(t.user.projects, user.projectsCount)}
          {row(t.user.locale, user.locale ?? '—')}
          {row(t.user.timezone, user.timezone ?? '—')}
          {row(t.created, formatDateTime(user.createdAt, i18n))}
        </dl>
      </Panel>
      {user.status !== 'deleted' && (
        <Panel title={t.user.actions} lead={t.user.suspendLead}>
          <div className={ui.actions}>
            <ActionButton
              action={setSuspended}
              fields={{ userId, suspend: String(user.status !== 'suspended') }}
              label={user.status === 'suspended' ? t.user.unsuspend : t.user.suspend}
              variant={user.status === 'suspended' ? 'secondary' : 'danger'}
              confirm={user.status === 'suspended' ? undefined : `${t.user.suspend}: ${user.email}?`}
            />
            <ActionButton action={forceLogout} fields={{ userId }} label={t.user.forceLogout} variant="secondary" />
          </div>
        </Panel>
      )}
      <Panel title={t.user.rolesTitle}>
        <RolesForm userId={userId} roles={user.roles} labels={t.platformRoles} legend={t.user.rolesTitle} saveLabel={t.user.saveRoles} />
      </Panel>
    </div>
  );
}
