// Kubernetes object validation. Built in: the fields of the kinds deploy/k8s uses, typed, with
// required fields and no unknown ones (a misspelt `readinesProbe` is silently dropped by the API
// server, so it must fail here). When `kubernetes-models` is installed, every object is also checked
// against the full OpenAPI schema of the Kubernetes API it ships (types, enums, formats of every field).
import { KINDS, objectMeta } from './k8s-kinds.mjs';
import { isPlainObject } from './yaml.mjs';

const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i?|[mkun])?$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Problems of one object against the built-in schema of its kind. */
export function structuralProblems(object) {
  const id = `${object?.kind ?? '?'}/${object?.metadata?.name ?? '?'}`;
  if (!isPlainObject(object)) return ['not an object'];
  const schema = KINDS[`${object.apiVersion}/${object.kind}`];
  if (!schema) return [`${id}: ${object.apiVersion}/${object.kind} is not a kind this check knows (add it to k8s-schema.mjs)`];
  const problems = [];
  const { apiVersion: _apiVersion, kind: _kind, metadata, ...rest } = object;
  if (!isPlainObject(metadata) || typeof metadata.name !== 'string') problems.push(`${id}: metadata.name is required`);
  else {
    if (!NAME.test(metadata.name) || metadata.name.length > 63) problems.push(`${id}: metadata.name ${metadata.name} is not a DNS label`);
    check(objectMeta, metadata, 'metadata', problems);
  }
  check(schema, rest, '', problems);
  return problems.map((problem) => `${id}: ${problem}`);
}

function check(schema, value, path, problems) {
  const at = (message) => problems.push(`${path || '(root)'}: ${message}`);
  switch (schema.type) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') at(`expected a string, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) at(`expected an integer, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') at(`expected a boolean, got ${JSON.stringify(value)}`);
      return;
    case 'int-or-string':
      if (!Number.isInteger(value) && typeof value !== 'string') at(`expected an integer or a string, got ${JSON.stringify(value)}`);
      return;
    case 'quantity':
      if (!(typeof value === 'number' || (typeof value === 'string' && QUANTITY.test(value))))
        at(`${JSON.stringify(value)} is not a quantity`);
      return;
    case 'enum':
      if (!schema.values.includes(value)) at(`${JSON.stringify(value)} is not one of ${schema.values.join(', ')}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return at('expected a list');
      value.forEach((item, index) => check(schema.items, item, `${path}[${index}]`, problems));
      return;
    case 'map':
      if (!isPlainObject(value)) return at('expected a mapping');
      for (const [key, item] of Object.entries(value)) check(schema.values, item, `${path}.${key}`, problems);
      return;
    case 'object': {
      if (!isPlainObject(value)) return at('expected a mapping');
      for (const [key, item] of Object.entries(value)) {
        const child = path ? `${path}.${key}` : key;
        if (!(key in schema.properties)) problems.push(`${child}: unknown field`);
        else check(schema.properties[key], item, child, problems);
      }
      for (const key of schema.required) if (value[key] === undefined) problems.push(`${path ? `${path}.` : ''}${key}: required`);
      if (schema.oneOf) {
        const present = schema.oneOf.filter((key) => value[key] !== undefined);
        if (present.length !== 1) at(`exactly one of ${schema.oneOf.join(', ')} (found ${present.length})`);
      }
      return;
    }
    default:
      throw new Error(`unknown schema type ${schema.type}`);
  }
}

/**
 * A validator from `kubernetes-models` (full OpenAPI schemas of the Kubernetes API), or undefined when
 * the package is not installed. `load(specifier)` imports a module from where the package lives.
 */
export async function kubernetesModelsValidator(load) {
  let probe;
  try {
    probe = await load('kubernetes-models/v1/ConfigMap');
  } catch {
    return undefined;
  }
  if (!probe) return undefined;
  return async (object) => {
    const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [undefined, object.apiVersion];
    let module;
    try {
      module = await load(`kubernetes-models/${group ? `${group}/` : ''}${version}/${object.kind}`);
    } catch {
      return [`${object.kind}/${object.metadata?.name}: kubernetes-models has no ${object.apiVersion} ${object.kind}`];
    }
    const Model = module[object.kind];
    try {
      new Model(object).validate();
      return [];
    } catch (error) {
      return [
        `${object.kind}/${object.metadata?.name}: ${String(error.message ?? error)
          .split('\n')
          .slice(0, 6)
          .join('; ')}`,
      ];
    }
  };
}
