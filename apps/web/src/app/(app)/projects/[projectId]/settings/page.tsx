import type { Metadata } from 'next';
import { ActionButton } from '../../../../../components/action-button';
import { Panel } from '../../../../../components/page-parts';
import ui from '../../../../../components/ui.module.css';
import { getI18n } from '../../../../../i18n/server';
import { getProject, permissionsOf } from '../../../../../lib/project-context';
import { setArchived } from './actions';
import { DeleteProjectForm, GeneralForm } from './settings-forms';

interface SettingsPageProps {
  readonly params: Promise<{ projectId: string }>;
}

export async function generateMetadata({ params }: SettingsPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  return { title: `${m.workspace.settings.title} · ${project.name}` };
}

// Rename, archive and delete. The gateway decides who may (owners and admins; deleting: owners); the
// page only leaves out what the caller's role cannot do.
export default async function SettingsPage({ params }: SettingsPageProps) {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  const t = m.workspace.settings;
  const { canManage, isOwner } = permissionsOf(project);
  return (
    <div className={ui.stack}>
      <h1 className="visually-hidden">{t.title}</h1>
      <Panel title={t.general} lead={canManage ? undefined : t.manageOnly}>
        <GeneralForm
          projectId={projectId}
          name={project.name}
          description={project.description}
          disabled={!canManage || project.archived}
          m={m.workspace}
          saveLabel={m.common.saveChanges}
        />
      </Panel>
      {canManage && (
        <Panel title={t.archiveTitle} lead={t.archiveLead}>
          <div>
            <ActionButton
              action={setArchived}
              fields={{ projectId, archived: project.archived ? 'false' : 'true' }}
              label={project.archived ? t.unarchive : t.archive}
              variant="secondary"
            />
          </div>
        </Panel>
      )}
      <Panel title={t.deleteTitle} lead={isOwner ? t.deleteLead : t.ownerOnly}>
        {isOwner && <DeleteProjectForm projectId={projectId} projectKey={project.key} m={m.workspace} />}
      </Panel>
    </div>
  );
}
