/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracketed keys for nesting
 * (`metadata[order]=7`) and for lists (`expand[]=x`, or `expand[0]=x` as stripe-node writes them).
 *
 * Lists stay index-keyed objects here and become arrays only where a parameter is declared a list
 * (formList): the same syntax also names metadata keys, and `metadata[0]=x` must stay a key "0".
 */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** A key used both as a value and as a container, e.g. `a=1&a[b]=2`. */
export class FormEncodingError extends Error {
  constructor(readonly param: string) {
    super(`Invalid value for ${param}: it is given both as a value and as a hash.`);
  }
}

const BRACKETED = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

export function parseForm(encoded: string): FormObject {
  // A null prototype so a key like `__proto__` or `constructor` is only ever data.
  const root: FormObject = Object.create(null) as FormObject;
  for (const [key, value] of new URLSearchParams(encoded)) {
    assign(root, keyPath(key), value, key);
  }
  return root;
}

function keyPath(key: string): string[] {
  const match = BRACKETED.exec(key);
  // Anything that is not name[seg][seg] (stray or unbalanced brackets) is taken as a plain name.
  if (!match) return [key];
  const segments = [...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '');
  return [match[1] ?? key, ...segments];
}

function assign(target: FormObject, path: string[], value: string, fullKey: string): void {
  let node = target;
  path.forEach((rawSegment, index) => {
    // `[]` appends: its index is the number of entries already in this list.
    const segment = rawSegment === '' && index > 0 ? String(Object.keys(node).length) : rawSegment;
    const last = index === path.length - 1;
    const existing = node[segment];
    if (last) {
      if (typeof existing === 'object') throw new FormEncodingError(fullKey);
      node[segment] = value;
      return;
    }
    if (typeof existing === 'string') throw new FormEncodingError(fullKey);
    if (existing === undefined) node[segment] = Object.create(null) as FormObject;
    node = node[segment] as FormObject;
  });
}

/** The values of an index-keyed object (`{0: a, 1: b}`) in index order; anything else is returned unchanged. */
export function formList(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  if (!entries.every(([key]) => /^(?:0|[1-9]\d*)$/.test(key))) return value;
  return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
}
