/** The loading part of an infinite query that list screens wire to their list. */
interface Paged {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isRefetching: boolean;
  fetchNextPage: (options?: { cancelRefetch?: boolean }) => unknown;
  refetch: () => unknown;
}

/**
 * Pull to refresh and infinite scroll for a FlatList/SectionList. The list fires `onEndReached` again
 * and again while its end stays visible, often before a re-render could show that a page is loading;
 * `cancelRefetch: false` makes those extra calls join the fetch in flight instead of restarting it.
 */
export function listPaging(query: Paged) {
  return {
    refreshing: query.isRefetching && !query.isFetchingNextPage,
    onRefresh: () => void query.refetch(),
    onEndReached: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage({ cancelRefetch: false });
    },
    onEndReachedThreshold: 0.5,
  };
}
