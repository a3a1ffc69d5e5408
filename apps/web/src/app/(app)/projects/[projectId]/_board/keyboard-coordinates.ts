import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Keyboard moves jump a picked-up card from column to column (in reading order) instead of dnd-kit's
 * default 25-pixel steps: one arrow press, one column. Returns the new top-left corner of the card.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = NEXT.has(event.code) ? 1 : PREVIOUS.has(event.code) ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;

  const columns = droppableContainers
    .getEnabled()
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      return rect ? [{ id: container.id, rect }] : [];
    })
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left)
    .sort((a, b) => a.rect.left - b.rect.left);
  if (columns.length === 0) return undefined;

  const centerX = collisionRect.left + collisionRect.width / 2;
  const current = over
    ? columns.findIndex((column) => column.id === over.id)
    : columns.findIndex((column) => centerX >= column.rect.left && centerX <= column.rect.right);
  const target = columns[Math.min(columns.length - 1, Math.max(0, (current < 0 ? 0 : current) + step))]!;
  return { x: target.rect.left + 8, y: target.rect.top + 8 };
};
