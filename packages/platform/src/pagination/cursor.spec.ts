import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toPage } from './cursor.js';

describe('keyset cursors', () => {
  it('round-trips a position and rejects anything else', () => {
    const position = { at: '2026-11-25T03:00:00.000Z', id: 'b3c1' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor('')).toBeUndefined();
    expect(decodeCursor('not-a-cursor')).toBeUndefined();
    expect(decodeCursor(Buffer.from('["yesterday","x"]').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"at":1}').toString('base64url'))).toBeUndefined();
  });

  it('clamps page sizes to the API rules', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(20);
    expect(pageSize(5)).toBe(5);
    expect(pageSize(1000)).toBe(100);
  });

  it('makes a page from size + 1 rows, with a cursor only when more exist', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id-${n}`, createdAt: new Date(Date.UTC(2026, 0, n)) }));
    const page = toPage(rows, 2);
    expect(page.items.map((row) => row.id)).toEqual(['id-1', 'id-2']);
    expect(decodeCursor(page.nextCursor)).toEqual({ at: '2026-01-02T00:00:00.000Z', id: 'id-2' });
    expect(toPage(rows.slice(0, 2), 2).nextCursor).toBe('');
  });
});
