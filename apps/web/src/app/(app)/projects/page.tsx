import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, EmptyState, PageHeader, Panel } from '../../../components/page-parts';
import ui from '../../../components/ui.module.css';
import { fill } from '../../../i18n/format';
import { getI18n } from '../../../i18n/server';
import { projectsApi } from '../../../lib/api/projects';
import { must, requireCaller } from '../../../lib/caller';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { CreateProjectForm } from './create-project-form';
import styles from './projects.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.workspace.projects.title };
}

interface ProjectsPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ProjectsPage({ searchParams }: ProjectsPageProps) {
  const { archived, cursor } = await searchParams;
  const showArchived = archived === '1';
  const { m } = await getI18n();
  const t = m.workspace.projects;
  const page = must(await projectsApi.list(await requireCaller(), { limit: 100, ...(typeof cursor === 'string' && { cursor }) }));
  const projects = page.items.filter((project) => showArchived || !project.archived);
  const hiddenArchived = page.items.length - projects.length;

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div className={styles.layout}>
        <section aria-labelledby="project-list-title" className={ui.stack}>
          <h2 id="project-list-title" className="visually-hidden">
            {t.list}
          </h2>
          {projects.length === 0 ? (
            <EmptyState title={t.emptyTitle}>
              <p>{t.emptyLead}</p>
            </EmptyState>
          ) : (
            <ul className={styles.grid}>
              {projects.map((project) => (
                <li key={project.id}>
                  <Link href={`/projects/${project.id}`} className={styles.card}>
                    <span className={styles.cardTop}>
                      <span className={styles.key}>{project.key}</span>
                      {project.archived && <Badge tone="warning">{t.archived}</Badge>}
                    </span>
                    <span className={styles.name}>{project.name}</span>
                    {project.description && <span className={styles.description}>{project.description}</span>}
                    <span className={styles.meta}>
                      <Badge>{fill(t.yourRole, { role: m.workspace.role[project.role] })}</Badge>
                      <Badge tone="accent">{fill(t.plan, { plan: project.plan })}</Badge>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <div className={ui.pager}>
            {(hiddenArchived > 0 || showArchived) && (
              <Link href={showArchived ? '/projects' : '/projects?archived=1'}>{showArchived ? t.hideArchived : t.showArchived}</Link>
            )}
            {page.nextCursor && (
              <Link href={`/projects?cursor=${encodeURIComponent(page.nextCursor)}${showArchived ? '&archived=1' : ''}`}>
                {m.common.nextPage}
              </Link>
            )}
          </div>
        </section>
        <Panel>
          <CreateProjectForm idempotencyKey={newIdempotencyKey()} m={t} />
        </Panel>
      </div>
    </>
  );
}
