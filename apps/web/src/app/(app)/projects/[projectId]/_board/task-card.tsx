'use client';

import { useDraggable } from '@dnd-kit/core';
import Link from 'next/link';
import type { KeyboardEventHandler } from 'react';
import type { Messages } from '../../../../../i18n/messages';
import { fill } from '../../../../../i18n/format';
import type { CardTask } from './board-types';
import styles from './board.module.css';

interface TaskCardProps {
  readonly task: CardTask;
  readonly href: string;
  readonly canMove: boolean;
  readonly m: Messages['workspace'];
}

/** The card's face, shared by the card on the board and the copy that follows the pointer. */
function CardBody({ task, href, m, overlay = false }: Omit<TaskCardProps, 'canMove'> & { readonly overlay?: boolean }) {
  return (
    <>
      {overlay ? (
        <span className={styles.title}>{task.title}</span>
      ) : (
        // Not natively draggable: the browser's own link dragging would swallow the pointer moves.
        <Link href={href} className={styles.title} draggable={false}>
          {task.title}
        </Link>
      )}
      <span className={styles.meta}>
        {task.priority !== 'none' && <span className={`${styles.priority} ${styles[task.priority]}`}>{m.priority[task.priority]}</span>}
        {task.due && <span>{fill(m.tasks.due, { date: task.due })}</span>}
        {task.assignee && <span className={styles.assignee}>{task.assignee}</span>}
      </span>
      {task.labels.length > 0 && (
        <span className={styles.labels}>
          {task.labels.map((label) => (
            <span key={label} className={styles.label}>
              {label}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

/**
 * A task on the board. The pointer drags the whole card (after a few pixels, so a click still opens
 * the task); the keyboard uses the move button: Space picks the card up, arrows choose a column, Space
 * drops it, Escape cancels. dnd-kit announces each step in its live region.
 */
export function TaskCard({ task, href, canMove, m }: TaskCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: task.id,
    disabled: !canMove,
    data: { status: task.status },
  });
  // The keyboard starts a move from the button only; the pointer from anywhere on the card.
  const { onKeyDown, ...pointerListeners } = listeners ?? {};
  const onHandleKeyDown = onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined;
  return (
    <li
      ref={setNodeRef}
      className={`${styles.card} ${isDragging ? styles.placeholder : ''}`}
      data-testid={`card-${task.key}`}
      {...(canMove ? pointerListeners : {})}
    >
      <span className={styles.cardTop}>
        <span className={styles.key}>{task.key}</span>
        {canMove && (
          <button
            ref={setActivatorNodeRef}
            type="button"
            className={styles.handle}
            {...attributes}
            onKeyDown={onHandleKeyDown}
            aria-label={fill(m.board.moveHandle, { key: task.key })}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <circle cx="5" cy="4" r="1.3" />
              <circle cx="11" cy="4" r="1.3" />
              <circle cx="5" cy="8" r="1.3" />
              <circle cx="11" cy="8" r="1.3" />
              <circle cx="5" cy="12" r="1.3" />
              <circle cx="11" cy="12" r="1.3" />
            </svg>
          </button>
        )}
      </span>
      <CardBody task={task} href={href} m={m} />
    </li>
  );
}

/** The copy of a card that follows the pointer while dragging (DragOverlay): not a drag source, not focusable. */
export function OverlayCard({ task, m }: { readonly task: CardTask; readonly m: Messages['workspace'] }) {
  return (
    <div className={`${styles.card} ${styles.overlay}`} aria-hidden="true">
      <span className={styles.cardTop}>
        <span className={styles.key}>{task.key}</span>
      </span>
      <CardBody task={task} href="" m={m} overlay />
    </div>
  );
}
