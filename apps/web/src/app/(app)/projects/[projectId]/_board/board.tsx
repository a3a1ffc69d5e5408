'use client';

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useEffect, useMemo, useState, useTransition } from 'react';
import { fill } from '../../../../../i18n/format';
import type { Messages } from '../../../../../i18n/messages';
import type { TaskStatus } from '../../../../../lib/api/tasks';
import { moveTask } from '../task-actions';
import { BoardColumnView } from './board-column';
import type { BoardColumn, CardTask } from './board-types';
import styles from './board.module.css';
import { columnCoordinates } from './keyboard-coordinates';
import { OverlayCard, TaskCard } from './task-card';

// The pointer picks the column under it; the keyboard (no pointer) the column the card overlaps most.
const collisionDetection: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

interface BoardProps {
  readonly projectId: string;
  readonly columns: readonly BoardColumn[];
  readonly tasks: readonly CardTask[];
  readonly canMove: boolean;
  /** Task fields as the card shows them, for a task the server hands back after a move. */
  readonly assigneeNames: Readonly<Record<string, string>>;
  readonly m: Messages['workspace'];
}

type Notice = { readonly tone: 'status' | 'error'; readonly text: string } | null;

export function Board({ projectId, columns, tasks: serverTasks, canMove, assigneeNames, m }: BoardProps) {
  const [tasks, setTasks] = useState(serverTasks);
  const [activeId, setActiveId] = useState<UniqueIdentifier | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [, startTransition] = useTransition();
  // A fresh server render (a task added, a page refresh) replaces the local copy.
  useEffect(() => setTasks(serverTasks), [serverTasks]);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: { start: ['Space', 'Enter'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const byId = useMemo(() => new Map(tasks.map((task) => [task.id, task])), [tasks]);
  const columnTitle = (id: UniqueIdentifier | undefined) => columns.find((column) => column.status === id)?.title ?? String(id);
  const keyOf = (id: UniqueIdentifier) => byId.get(String(id))?.key ?? String(id);

  const announcements: Announcements = {
    onDragStart: ({ active }) => fill(m.board.pickedUp, { key: keyOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? fill(m.board.over, { key: keyOf(active.id), column: columnTitle(over.id) }) : fill(m.board.notOver, { key: keyOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? fill(m.board.dropped, { key: keyOf(active.id), column: columnTitle(over.id) })
        : fill(m.board.cancelled, { key: keyOf(active.id) }),
    onDragCancel: ({ active }) => fill(m.board.cancelled, { key: keyOf(active.id) }),
  };

  const replace = (task: CardTask) => setTasks((current) => current.map((each) => (each.id === task.id ? task : each)));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    const task = byId.get(String(active.id));
    const target = over?.id as TaskStatus | undefined;
    if (!task || !target || target === task.status) return;

    // Optimistic: the card moves now; the server's answer confirms it, or puts it back.
    replace({ ...task, status: target });
    setNotice({ tone: 'status', text: m.board.saving });
    startTransition(async () => {
      const result = await moveTask(projectId, task.id, target, task.version);
      if (result.outcome === 'moved') {
        replace({ ...task, status: result.task.status, version: result.task.version });
        setNotice({ tone: 'status', text: fill(m.board.moved, { key: task.key, column: columnTitle(result.task.status) }) });
      } else if (result.outcome === 'conflict') {
        const latest = result.task;
        if (latest) {
          replace({
            ...task,
            title: latest.title,
            status: latest.status,
            priority: latest.priority,
            version: latest.version,
            labels: latest.labels,
            assignee: latest.assigneeId ? (assigneeNames[latest.assigneeId] ?? null) : null,
          });
        } else {
          replace(task);
        }
        setNotice({ tone: 'error', text: fill(m.board.conflict, { key: task.key }) });
      } else {
        replace(task);
        setNotice({ tone: 'error', text: fill(m.board.moveFailed, { key: task.key, reason: result.reason }) });
      }
    });
  };

  const active = activeId === null ? null : (byId.get(String(activeId)) ?? null);
  return (
    <>
      <p role="status" className={notice?.tone === 'error' ? styles.noticeError : styles.notice} data-testid="board-notice">
        {notice?.text}
      </p>
      <DndContext
        id="board"
        sensors={sensors}
        collisionDetection={collisionDetection}
        accessibility={{ announcements, screenReaderInstructions: { draggable: m.board.instructions } }}
        onDragStart={({ active: started }: DragStartEvent) => {
          setActiveId(started.id);
          setNotice(null);
        }}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        <div className={styles.board}>
          {columns.map((column) => {
            const cards = tasks.filter((task) => task.status === column.status);
            return (
              <BoardColumnView
                key={column.status}
                column={column}
                count={cards.length}
                listHref={`/projects/${projectId}/list`}
                m={m.board}
              >
                {cards.map((task) => (
                  <TaskCard key={task.id} task={task} href={`/projects/${projectId}/tasks/${task.id}`} canMove={canMove} m={m} />
                ))}
              </BoardColumnView>
            );
          })}
        </div>
        <DragOverlay dropAnimation={null}>{active ? <OverlayCard task={active} m={m} /> : null}</DragOverlay>
      </DndContext>
    </>
  );
}
