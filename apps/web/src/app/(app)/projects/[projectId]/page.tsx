import type { Metadata } from 'next';
import { getI18n } from '../../../../i18n/server';
import { formatDate } from '../../../../i18n/format';
import { TASK_STATUSES, tasksApi } from '../../../../lib/api/tasks';
import { must, requireCaller } from '../../../../lib/caller';
import { newIdempotencyKey } from '../../../../lib/idempotency';
import { getMembers, getProject, memberNames, permissionsOf } from '../../../../lib/project-context';
import { Board } from './_board/board';
import type { BoardColumn, CardTask } from './_board/board-types';
import { NewTaskForm } from './_board/new-task-form';
import styles from './_board/board-page.module.css';

const COLUMN_LIMIT = 100;

interface BoardPageProps {
  readonly params: Promise<{ projectId: string }>;
}

export async function generateMetadata({ params }: BoardPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const [project, { m }] = await Promise.all([getProject(projectId), getI18n()]);
  return { title: `${m.workspace.board.title} · ${project.name}` };
}

// The board: one column per status, each loaded with its own filtered query so a busy column cannot
// crowd the others out. Cards move by drag and drop or with the keyboard (see _board/board.tsx).
export default async function BoardPage({ params }: BoardPageProps) {
  const { projectId } = await params;
  const caller = await requireCaller();
  const [project, members, i18n] = await Promise.all([getProject(projectId), getMembers(projectId), getI18n()]);
  const { m } = i18n;
  const pages = await Promise.all(
    TASK_STATUSES.map(async (status) => must(await tasksApi.list(caller, projectId, { status, limit: COLUMN_LIMIT }))),
  );
  const names = memberNames(members);

  const columns: BoardColumn[] = TASK_STATUSES.map((status, index) => ({
    status,
    title: m.workspace.status[status],
    truncated: pages[index]!.nextCursor !== null,
  }));
  const tasks: CardTask[] = pages.flatMap((page) =>
    page.items.map((task) => ({
      id: task.id,
      key: task.key,
      title: task.title,
      status: task.status,
      priority: task.priority,
      version: task.version,
      assignee: task.assigneeId ? (names.get(task.assigneeId) ?? null) : null,
      due: task.dueDate ? formatDate(task.dueDate, i18n) : null,
      labels: task.labels,
    })),
  );
  const { canEdit } = permissionsOf(project);
  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">
        {m.workspace.board.title} · {project.name}
      </h1>
      {canEdit && <NewTaskForm projectId={projectId} idempotencyKey={newIdempotencyKey()} m={m.workspace} />}
      <Board
        projectId={projectId}
        columns={columns}
        tasks={tasks}
        canMove={canEdit}
        assigneeNames={Object.fromEntries(names)}
        m={m.workspace}
      />
    </div>
  );
}
