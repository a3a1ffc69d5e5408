// Reading a page's query string. Next.js gives a repeated parameter as an array and a missing one as
// undefined; pages want plain strings, and keyset pages a trail of the cursors that led here.

export type SearchParams = Record<string, string | string[] | undefined>;

/** A single-valued parameter, trimmed; "" when absent or repeated. */
export function param(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Keyset pages have no page numbers: the URL keeps every cursor that led here (`c`, repeated), so
 * "previous" drops the last one. Links carry the filters along.
 */
export function cursorTrail(query: SearchParams, base: string, filters: Record<string, string>) {
  const raw = query.c;
  const trail = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean);
  const linkWith = (cursors: string[]) => {
    const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
    for (const cursor of cursors) search.append('c', cursor);
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };
  return {
    cursor: trail.at(-1),
    previous: trail.length > 0 ? linkWith(trail.slice(0, -1)) : undefined,
    next: (nextCursor: string | null | undefined) => (nextCursor ? linkWith([...trail, nextCursor]) : undefined),
  };
}
