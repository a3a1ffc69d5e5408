import { invalidRequest, resourceMissing } from './stripe-error.js';
import type { ListObject, SearchResultObject } from './stripe-objects.js';

export interface PageParams {
  limit?: number | undefined;
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

const DEFAULT_LIMIT = 10;

/**
 * Cursor pagination as in Stripe's list endpoints: items newest first, `starting_after` continues
 * after the last item of a page (what stripe-node's auto-pagination sends), `ending_before` pages
 * back. A cursor naming an unknown object is an error, not an empty page.
 */
export function listPage<T extends { id: string }>(url: string, objectName: string, newestFirst: T[], params: PageParams): ListObject<T> {
  const limit = params.limit ?? DEFAULT_LIMIT;
  if (params.starting_after && params.ending_before) {
    throw invalidRequest('You may only specify one of these parameters: starting_after, ending_before.', {
      code: 'parameters_exclusive',
      param: 'starting_after',
    });
  }
  const position = (id: string, param: string) => {
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index < 0) throw resourceMissing(objectName, id, param);
    return index;
  };

  if (params.ending_before) {
    const end = position(params.ending_before, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', url, has_more: start > 0, data: newestFirst.slice(start, end) };
  }
  const start = params.starting_after ? position(params.starting_after, 'starting_after') + 1 : 0;
  const data = newestFirst.slice(start, start + limit);
  return { object: 'list', url, has_more: start + limit < newestFirst.length, data };
}

/** Search pages are addressed by an opaque `page` token (here: the offset, encoded) instead of an id. */
export function searchPage<T>(
  url: string,
  matches: T[],
  params: { limit?: number | undefined; page?: string | undefined },
): SearchResultObject<T> {
  const limit = params.limit ?? DEFAULT_LIMIT;
  const offset = params.page === undefined ? 0 : decodePage(params.page);
  const hasMore = offset + limit < matches.length;
  return {
    object: 'search_result',
    url,
    has_more: hasMore,
    next_page: hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64url') : null,
    data: matches.slice(offset, offset + limit),
  };
}

function decodePage(page: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(page, 'base64url').toString('utf8'));
  if (!match) throw invalidRequest('Invalid page: use the next_page value of a previous search.', { param: 'page' });
  return Number(match[1]);
}
