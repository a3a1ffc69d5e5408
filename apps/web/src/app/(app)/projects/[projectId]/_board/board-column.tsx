'use client';

import { useDroppable } from '@dnd-kit/core';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { fill, plural } from '../../../../../i18n/format';
import type { Messages } from '../../../../../i18n/messages';
import type { BoardColumn } from './board-types';
import styles from './board.module.css';

interface BoardColumnViewProps {
  readonly column: BoardColumn;
  readonly count: number;
  readonly listHref: string;
  readonly m: Messages['workspace']['board'];
  readonly children: ReactNode;
}

/** One status column: a drop target that lights up while a card is over it. */
export function BoardColumnView({ column, count, listHref, m, children }: BoardColumnViewProps) {
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const headingId = `column-${column.status}`;
  return (
    <section
      ref={setNodeRef}
      className={`${styles.column} ${isOver ? styles.over : ''}`}
      aria-labelledby={headingId}
      data-testid={`column-${column.status}`}
    >
      <h2 id={headingId} className={styles.columnTitle}>
        <span className={`${styles.dot} ${styles[`dot_${column.status}`]}`} aria-hidden="true" />
        {column.title}
        <span className={styles.count}>
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{plural(count, m.columnCount)}</span>
        </span>
      </h2>
      {count === 0 ? <p className={styles.emptyColumn}>{m.emptyColumn}</p> : <ul className={styles.cards}>{children}</ul>}
      {column.truncated && (
        <p className={styles.more}>
          <Link href={`${listHref}?status=${column.status}`}>{fill(m.moreInList, { count })}</Link>
        </p>
      )}
    </section>
  );
}
