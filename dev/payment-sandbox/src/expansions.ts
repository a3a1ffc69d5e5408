import { invalidRequest } from './stripe-error.js';

/** For each expandable field, how to replace the id with the object it names. */
export type Expanders<T> = Record<string, (object: T) => T>;

/**
 * Stripe's `expand[]`: fields that normally hold an id come back as the object. Only the fields the
 * platform needs are expandable; asking for others is an error, as it is in Stripe for unknown paths.
 * Expanders return copies, so stored objects keep their ids.
 */
export function expandObject<T>(object: T, paths: string[] | undefined, expanders: Expanders<T>): T {
  return (paths ?? []).reduce((current, path) => {
    const expand = Object.hasOwn(expanders, path) ? expanders[path] : undefined;
    if (!expand) throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
    return expand(current);
  }, object);
}

/** In a list, paths are written relative to the list (`data.latest_charge`). */
export function expandList<T, L extends { data: T[] }>(list: L, paths: string[] | undefined, expanders: Expanders<T>): L {
  if (!paths?.length) return list;
  const itemPaths = paths.map((path) => {
    if (!path.startsWith('data.')) throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
    return path.slice('data.'.length);
  });
  return { ...list, data: list.data.map((item) => expandObject(item, itemPaths, expanders)) };
}
