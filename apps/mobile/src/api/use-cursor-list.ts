import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';

/** A page of any list endpoint: the API's `{ items, nextCursor }` (API.md, "Lists"). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * An infinite query over one of the API's cursor lists, with the loaded pages flattened. The next
 * cursor comes from the last page only, so a list that grew meanwhile never repeats or skips rows.
 */
export function useCursorList<T, P extends CursorPage<T> = CursorPage<T>>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<P>,
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: P) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { ...query, items };
}
