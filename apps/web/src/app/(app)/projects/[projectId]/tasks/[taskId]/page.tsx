import type { Metadata } from 'next';
import Link from 'next/link';
import { Markdown } from '../../../../../../components/markdown';
import { Panel } from '../../../../../../components/page-parts';
import { fill, formatDateTime } from '../../../../../../i18n/format';
import { getI18n } from '../../../../../../i18n/server';
import { projectsApi } from '../../../../../../lib/api/projects';
import { tasksApi } from '../../../../../../lib/api/tasks';
import { describeActivity } from '../../../../../../lib/activity-phrase';
import { must, requireCaller } from '../../../../../../lib/caller';
import { newIdempotencyKey } from '../../../../../../lib/idempotency';
import { getMembers, getProject, memberNames, permissionsOf } from '../../../../../../lib/project-context';
import { PriorityBadge, StatusBadge } from '../../task-badges';
import { CommentForm } from './comment-form';
import { DeleteTask } from './delete-task';
import { TaskForm } from './task-form';
import styles from './task.module.css';

interface TaskPageProps {
  readonly params: Promise<{ projectId: string; taskId: string }>;
}

export async function generateMetadata({ params }: TaskPageProps): Promise<Metadata> {
  const { projectId, taskId } = await params;
  const result = await tasksApi.get(await requireCaller(), projectId, taskId);
  const { m } = await getI18n();
  return {
    title: result.ok ? fill(m.workspace.task.metaTitle, { key: result.data.key, title: result.data.title }) : m.workspace.project.board,
  };
}

// A task: every field editable in one form, the description and comments as Markdown, and what happened
// to it (the project's activity about this task).
export default async function TaskPage({ params }: TaskPageProps) {
  const { projectId, taskId } = await params;
  const caller = await requireCaller();
  const [project, members, i18n, task] = await Promise.all([
    getProject(projectId),
    getMembers(projectId),
    getI18n(),
    tasksApi.get(caller, projectId, taskId).then(must),
  ]);
  const [comments, activity] = await Promise.all([
    tasksApi.comments(caller, projectId, taskId, { limit: 100 }).then(must),
    projectsApi.activity(caller, projectId, { limit: 100 }).then(must),
  ]);
  const { m } = i18n;
  const t = m.workspace;
  const names = memberNames(members);
  const { canEdit } = permissionsOf(project);
  const history = activity.items.filter((entry) => entry.subject === task.key);

  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <Link href={`/projects/${projectId}`} className={styles.back}>
          ← {t.task.backToBoard}
        </Link>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>
            <span className={styles.key}>{task.key}</span> {task.title}
          </h1>
          <span className={styles.badges}>
            <StatusBadge status={task.status} m={t} />
            {task.priority !== 'none' && <PriorityBadge priority={task.priority} m={t} />}
          </span>
          {canEdit && <DeleteTask projectId={projectId} taskId={taskId} taskKey={task.key} m={t} common={m.common} />}
        </div>
      </div>

      <TaskForm
        projectId={projectId}
        taskId={taskId}
        version={task.version}
        task={{
          title: task.title,
          description: task.description,
          status: task.status,
          priority: task.priority,
          assigneeId: task.assigneeId ?? '',
          dueDate: task.dueDate ?? '',
          labels: task.labels.join(', '),
        }}
        members={members.map((member) => ({ userId: member.userId, displayName: member.displayName }))}
        canEdit={canEdit}
        renderedDescription={
          task.description.trim() ? <Markdown text={task.description} /> : <p className={styles.placeholder}>{t.tasks.noDescription}</p>
        }
        m={t}
        common={m.common}
      />

      <div className={styles.lower}>
        <Panel title={t.task.comments} id="comments">
          {comments.items.length === 0 ? (
            <p className={styles.placeholder}>{t.task.noComments}</p>
          ) : (
            <ol className={styles.comments}>
              {comments.items.map((comment) => (
                <li key={comment.id} className={styles.comment}>
                  <p className={styles.commentMeta}>
                    <strong>{names.get(comment.authorId) ?? t.task.someone}</strong>{' '}
                    <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, i18n)}</time>
                  </p>
                  <Markdown text={comment.body} />
                </li>
              ))}
            </ol>
          )}
          {canEdit && <CommentForm projectId={projectId} taskId={taskId} idempotencyKey={newIdempotencyKey()} m={t} />}
        </Panel>
        <Panel title={t.task.activity} id="activity">
          {history.length === 0 ? (
            <p className={styles.placeholder}>{t.task.noActivity}</p>
          ) : (
            <ol className={styles.timeline}>
              {history.map((entry) => {
                const phrase = describeActivity(entry, t, names, t.task.someone);
                return (
                  <li key={entry.id}>
                    <strong>{phrase.actor}</strong> {phrase.text}
                    <time dateTime={entry.createdAt} className={styles.when}>
                      {formatDateTime(entry.createdAt, i18n)}
                    </time>
                  </li>
                );
              })}
            </ol>
          )}
        </Panel>
      </div>
    </div>
  );
}
