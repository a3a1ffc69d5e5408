import type { Metadata } from 'next';
import Link from 'next/link';
import { DetailRow, Panel } from '../../../../../components/page-parts';
import ui from '../../../../../components/ui.module.css';
import { formatDateTime } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { requireAdmin } from '../../../../../lib/admin-guard';
import { adminApi } from '../../../../../lib/api/admin';
import { must } from '../../../../../lib/caller';
import { ProjectOwner, ProjectStatus } from '../project-parts';

interface AdminProjectPageProps {
  readonly params: Promise<{ projectId: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.projects };
}

// A project as the platform sees it. Admins are usually not members, so the workspace pages of the
// project (board, tasks) would answer "not found": this page and the project's payments are theirs.
export default async function AdminProjectPage({ params }: AdminProjectPageProps) {
  const caller = await requireAdmin();
  const { projectId } = await params;
  const [project, i18n] = await Promise.all([adminApi.project(caller, projectId).then(must), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  return (
    <div className={ui.stack}>
      <Link href="/admin/projects">← {t.projectDetail.back}</Link>
      <Panel title={project.name}>
        <dl className={ui.details}>
          <DetailRow label={t.key}>
            <span className={ui.mono}>{project.key}</span>
          </DetailRow>
          <DetailRow label={t.owner}>
            <ProjectOwner project={project} m={t} />
          </DetailRow>
          <DetailRow label={t.plan}>{t.planNames[project.plan] ?? project.plan}</DetailRow>
          <DetailRow label={t.status}>
            <ProjectStatus archived={project.archived} m={t} />
          </DetailRow>
          <DetailRow label={t.members}>{project.membersCount}</DetailRow>
          <DetailRow label={t.tasks}>{project.tasksCount}</DetailRow>
          <DetailRow label={t.created}>{formatDateTime(project.createdAt, i18n)}</DetailRow>
          <DetailRow label={t.projectDetail.description}>{project.description || '—'}</DetailRow>
        </dl>
      </Panel>
      <Link href={`/admin/payments?projectId=${project.id}`}>{t.projectDetail.payments}</Link>
    </div>
  );
}
