import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, Panel } from '../../../../../components/page-parts';
import ui from '../../../../../components/ui.module.css';
import { formatDateTime } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import { describeActivity } from '../../../../../lib/activity-phrase';
import { projectsApi } from '../../../../../lib/api/projects';
import { must, requireCaller } from '../../../../../lib/caller';
import { getMembers, getProject, memberNames } from '../../../../../lib/project-context';
import styles from './activity.module.css';

interface ActivityPageProps {
  readonly params: Promise<{ projectId: string }>;
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ActivityPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  return { title: `${m.workspace.activity.title} · ${project.name}` };
}

export default async function ActivityPage({ params, searchParams }: ActivityPageProps) {
  const { projectId } = await params;
  const { cursor } = await searchParams;
  const [members, i18n] = await Promise.all([getMembers(projectId), getI18n()]);
  const page = must(
    await projectsApi.activity(await requireCaller(), projectId, { limit: 50, ...(typeof cursor === 'string' && { cursor }) }),
  );
  const { m } = i18n;
  const t = m.workspace.activity;
  const names = memberNames(members);
  return (
    <Panel title={t.title} lead={t.lead}>
      {page.items.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <ol className={styles.list}>
          {page.items.map((entry) => {
            const phrase = describeActivity(entry, m.workspace, names, m.workspace.task.someone);
            return (
              <li key={entry.id} className={styles.entry}>
                <span>
                  <strong>{phrase.actor}</strong> {phrase.text}
                </span>
                <time dateTime={entry.createdAt} className={ui.muted}>
                  {formatDateTime(entry.createdAt, i18n)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {page.nextCursor && (
        <nav className={ui.pager} aria-label={m.common.pagination}>
          {typeof cursor === 'string' ? <Link href={`/projects/${projectId}/activity`}>{m.common.firstPage}</Link> : <span />}
          <Link href={`/projects/${projectId}/activity?cursor=${encodeURIComponent(page.nextCursor)}`}>{t.loadMore}</Link>
        </nav>
      )}
    </Panel>
  );
}
