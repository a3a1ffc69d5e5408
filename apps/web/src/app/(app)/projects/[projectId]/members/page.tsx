import type { Metadata } from 'next';
import { ActionButton } from '../../../../../components/action-button';
import { DataTable } from '../../../../../components/data-table';
import { Badge, Panel } from '../../../../../components/page-parts';
import ui from '../../../../../components/ui.module.css';
import { fill, formatDate } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { projectsApi, type Invitation, type Member } from '../../../../../lib/api/projects';
import { must, requireCaller } from '../../../../../lib/caller';
import { getCurrentUser } from '../../../../../lib/current-user';
import { newIdempotencyKey } from '../../../../../lib/idempotency';
import { getMembers, getProject, permissionsOf } from '../../../../../lib/project-context';
import { removeMember, revokeInvitation } from './actions';
import { InviteForm } from './invite-form';
import styles from './members.module.css';
import { RoleForm } from './role-form';

interface MembersPageProps {
  readonly params: Promise<{ projectId: string }>;
}

export async function generateMetadata({ params }: MembersPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  return { title: `${m.workspace.members.title} · ${project.name}` };
}

export default async function MembersPage({ params }: MembersPageProps) {
  const { projectId } = await params;
  const [project, members, i18n, user] = await Promise.all([getProject(projectId), getMembers(projectId), getI18n(), getCurrentUser()]);
  const { m } = i18n;
  const t = m.workspace.members;
  const { canManage } = permissionsOf(project);
  const myId = user.status === 'signed-in' ? user.me.id : null;
  const invitations = canManage ? must(await projectsApi.invitations(await requireCaller(), projectId)).items : [];

  return (
    <div className={styles.layout}>
      <div className={ui.stack}>
        <Panel title={t.title} lead={`${t.lead} ${t.roles}`}>
          <DataTable<Member>
            rows={members}
            rowKey={(member) => member.userId}
            columns={[
              {
                header: t.name,
                cell: (member) => (
                  <>
                    <div>
                      {member.displayName} {member.userId === myId && <Badge>{t.you}</Badge>}
                    </div>
                    <div className={styles.email}>{member.email}</div>
                  </>
                ),
              },
              {
                header: t.role,
                cell: (member) =>
                  canManage ? (
                    <RoleForm
                      projectId={projectId}
                      userId={member.userId}
                      name={member.displayName}
                      role={member.role}
                      m={m.workspace}
                      saveLabel={m.common.save}
                    />
                  ) : (
                    m.workspace.role[member.role]
                  ),
              },
              { header: t.joined, className: ui.nowrap, cell: (member) => formatDate(member.joinedAt, i18n) },
              {
                header: m.common.remove,
                hiddenHeader: true,
                cell: (member) =>
                  member.userId === myId ? (
                    <ActionButton
                      action={removeMember}
                      fields={{ projectId, userId: member.userId, name: member.displayName, self: 'true' }}
                      label={t.leave}
                      confirm={`${t.leave}?`}
                      variant="secondary"
                    />
                  ) : (
                    canManage && (
                      <ActionButton
                        action={removeMember}
                        fields={{ projectId, userId: member.userId, name: member.displayName }}
                        label={m.common.remove}
                        ariaLabel={fill(t.removeMember, { name: member.displayName })}
                        confirm={`${fill(t.removeMember, { name: member.displayName })}?`}
                        variant="secondary"
                      />
                    )
                  ),
              },
            ]}
          />
        </Panel>
        {canManage && (
          <Panel title={t.pending}>
            {invitations.length === 0 ? (
              <p className={ui.muted}>{t.noPending}</p>
            ) : (
              <DataTable<Invitation>
                rows={invitations}
                rowKey={(invitation) => invitation.id}
                columns={[
                  { header: t.email, cell: (invitation) => invitation.email },
                  { header: t.role, cell: (invitation) => m.workspace.role[invitation.role] },
                  { header: t.expiry, className: ui.nowrap, cell: (invitation) => formatDate(invitation.expiresAt, i18n) },
                  {
                    header: t.revoke,
                    hiddenHeader: true,
                    cell: (invitation) => (
                      <ActionButton
                        action={revokeInvitation}
                        fields={{ projectId, invitationId: invitation.id, email: invitation.email }}
                        label={t.revoke}
                        ariaLabel={fill(t.revokeInvitation, { email: invitation.email })}
                        variant="secondary"
                      />
                    ),
                  },
                ]}
              />
            )}
          </Panel>
        )}
      </div>
      {canManage && (
        <Panel title={t.invite} lead={t.inviteLead}>
          <InviteForm projectId={projectId} idempotencyKey={newIdempotencyKey()} m={m.workspace} />
        </Panel>
      )}
    </div>
  );
}
