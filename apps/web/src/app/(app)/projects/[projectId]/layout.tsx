import type { ReactNode } from 'react';
import { Badge } from '../../../../components/page-parts';
import { TabLink } from '../../../../components/tab-link';
import tabs from '../../../../components/tabs.module.css';
import { getI18n } from '../../../../i18n/server';
import { getProject, permissionsOf } from '../../../../lib/project-context';
import styles from './project.module.css';

interface ProjectLayoutProps {
  readonly children: ReactNode;
  readonly params: Promise<{ projectId: string }>;
}

// Every page of a project: its name, plan and state, and the sections. A project the caller cannot see is
// "not found" (the gateway does not tell the two apart either).
export default async function ProjectLayout({ children, params }: ProjectLayoutProps) {
  const { projectId } = await params;
  const project = await getProject(projectId);
  const { m } = await getI18n();
  const t = m.workspace.project;
  const base = `/projects/${project.id}`;
  const { canEdit } = permissionsOf(project);
  return (
    <div className={styles.project}>
      <div className={styles.header}>
        <div className={styles.titleRow}>
          <span className={styles.key}>{project.key}</span>
          <p className={styles.name}>{project.name}</p>
          <Badge tone="accent">{project.plan}</Badge>
          {project.archived && <Badge tone="warning">{m.workspace.projects.archived}</Badge>}
        </div>
        <nav aria-label={t.tabs} className={tabs.tabs}>
          <TabLink href={base} label={t.board} exact />
          <TabLink href={`${base}/list`} label={t.list} />
          <TabLink href={`${base}/members`} label={t.members} />
          <TabLink href={`${base}/activity`} label={t.activity} />
          <TabLink href={`${base}/billing`} label={t.billing} />
          <TabLink href={`${base}/settings`} label={t.settings} />
        </nav>
      </div>
      {project.archived ? <p className={styles.banner}>{t.archivedNotice}</p> : !canEdit && <p className={styles.banner}>{t.readOnly}</p>}
      {children}
    </div>
  );
}
