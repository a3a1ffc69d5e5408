import type { Metadata } from 'next';
import { ActionButton } from '../../../../../components/action-button';
import { Badge, Panel } from '../../../../../components/page-parts';
import ui from '../../../../../components/ui.module.css';
import { fill, formatDate } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { projectsApi } from '../../../../../lib/api/projects';
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
          <div className={ui.tableWrap}>
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.role}</th>
                  <th scope="col">{t.joined}</th>
                  <th scope="col">
                    <span className="visually-hidden">{m.common.remove}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => {
                  const self = member.userId === myId;
                  return (
                    <tr key={member.userId}>
                      <td>
                        <div>
                          {member.displayName} {self && <Badge>{t.you}</Badge>}
                        </div>
                        <div className={styles.email}>{member.email}</div>
                      </td>
                      <td>
                        {canManage ? (
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
                        )}
                      </td>
                      <td className={ui.nowrap}>{formatDate(member.joinedAt, i18n)}</td>
                      <td>
                        {self ? (
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
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Panel>
        {canManage && (
          <Panel title={t.pending}>
            {invitations.length === 0 ? (
              <p className={ui.muted}>{t.noPending}</p>
            ) : (
              <div className={ui.tableWrap}>
                <table className={ui.table}>
                  <thead>
                    <tr>
                      <th scope="col">{t.email}</th>
                      <th scope="col">{t.role}</th>
                      <th scope="col">{t.expiry}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t.revoke}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {invitations.map((invitation) => (
                      <tr key={invitation.id}>
                        <td>{invitation.email}</td>
                        <td>{m.workspace.role[invitation.role]}</td>
                        <td className={ui.nowrap}>{formatDate(invitation.expiresAt, i18n)}</td>
                        <td>
                          <ActionButton
                            action={revokeInvitation}
                            fields={{ projectId, invitationId: invitation.id, email: invitation.email }}
                            label={t.revoke}
                            ariaLabel={fill(t.revokeInvitation, { email: invitation.email })}
                            variant="secondary"
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
