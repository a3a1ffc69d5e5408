// The two patch languages of Kustomize's `patches`: strategic merge (maps merged, name-keyed lists
// merged by key, other lists replaced, null deletes) and RFC 6902 JSON patches.
import { clone, isPlainObject } from './yaml.mjs';

/** The fields by which Kubernetes merges list items in a strategic merge patch (the ones used here). */
const MERGE_KEYS = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  envFrom: undefined,
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
};

export function strategicMerge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) throw new Error(`strategic merge directive ${key} is not in the supported subset`);
    if (value === null) delete target[key];
    else if (isPlainObject(value) && isPlainObject(target[key])) strategicMerge(target[key], value);
    else if (Array.isArray(value) && Array.isArray(target[key]) && listMergeKey(key, value) !== undefined) {
      const mergeKey = listMergeKey(key, value);
      for (const item of value) {
        const existing = target[key].find((candidate) => candidate[mergeKey] === item[mergeKey]);
        if (existing) strategicMerge(existing, item);
        else target[key].push(clone(item));
      }
    } else target[key] = clone(value);
  }
  return target;
}

function listMergeKey(key, items) {
  if (key === 'ports')
    return items.every((item) => 'containerPort' in item) ? 'containerPort' : items.every((item) => 'port' in item) ? 'port' : undefined;
  return MERGE_KEYS[key];
}

/** RFC 6902 on a copy of `document`. */
export function applyJsonPatch(document, operations) {
  let result = clone(document);
  for (const operation of operations) {
    const path = parsePointer(operation.path);
    switch (operation.op) {
      case 'add':
        result = setAt(result, path, clone(operation.value), 'add');
        break;
      case 'replace':
        getAt(result, path, operation.path);
        result = setAt(result, path, clone(operation.value), 'replace');
        break;
      case 'remove':
        result = removeAt(result, path, operation.path);
        break;
      case 'test':
        if (JSON.stringify(getAt(result, path, operation.path)) !== JSON.stringify(operation.value))
          throw new Error(`test failed at ${operation.path}`);
        break;
      case 'copy':
      case 'move': {
        const from = parsePointer(operation.from);
        const value = clone(getAt(result, from, operation.from));
        if (operation.op === 'move') result = removeAt(result, from, operation.from);
        result = setAt(result, path, value, 'add');
        break;
      }
      default:
        throw new Error(`unknown JSON patch op ${operation.op}`);
    }
  }
  return result;
}

function parsePointer(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`bad JSON pointer ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function getAt(document, path, pointer) {
  let node = document;
  for (const token of path) {
    if (Array.isArray(node) ? !(Number(token) in node) : !isPlainObject(node) || !(token in node))
      throw new Error(`no value at ${pointer}`);
    node = node[Array.isArray(node) ? Number(token) : token];
  }
  return node;
}

function setAt(document, path, value, op) {
  if (path.length === 0) return value;
  const parent = getAt(document, path.slice(0, -1), `/${path.slice(0, -1).join('/')}`);
  const last = path.at(-1);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`bad array index ${last}`);
    if (op === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else parent[last] = value;
  return document;
}

function removeAt(document, path, pointer) {
  getAt(document, path, pointer);
  const parent = getAt(document, path.slice(0, -1), pointer);
  if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
  else delete parent[path.at(-1)];
  return document;
}
