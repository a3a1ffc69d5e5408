import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '../../../../../components/action-button';
import { Badge, DetailRow, Panel } from '../../../../../components/page-parts';
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
  return (
    <div className={ui.stack}>
      <Link href="/admin/users">← {t.user.back}</Link>
      <Panel title={user.displayName || user.email}>
        <dl className={ui.details}>
          <DetailRow label={t.email}>{user.email}</DetailRow>
          <DetailRow label={t.status}>
            <Badge tone={user.status === 'active' ? 'success' : 'danger'}>{t.userStatus[user.status] ?? user.status}</Badge>
          </DetailRow>
          <DetailRow label={t.roles}>{user.roles.map((role) => t.platformRoles[role] ?? role).join(', ')}</DetailRow>
          <DetailRow label={t.verified}>{user.emailVerified ? m.common.yes : m.common.no}</DetailRow>
          <DetailRow label={t.user.mfa}>{user.mfaEnabled ? m.common.yes : m.common.no}</DetailRow>
          <DetailRow label={t.user.sessions}>{user.sessionsCount}</DetailRow>
          <DetailRow label={t.user.projects}>{user.projectsCount}</DetailRow>
          <DetailRow label={t.user.locale}>{user.locale ?? '—'}</DetailRow>
          <DetailRow label={t.user.timezone}>{user.timezone ?? '—'}</DetailRow>
          <DetailRow label={t.created}>{formatDateTime(user.createdAt, i18n)}</DetailRow>
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
