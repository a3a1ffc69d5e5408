// Validators that come from npm packages the repository may not have installed: the compose-spec
// JSON schema (shipped by dclint) and the Kubernetes OpenAPI schemas (kubernetes-models). Each is
// found by walking up node_modules from `from`; absent, check-deploy says so and keeps its own checks.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { kubernetesModelsValidator } from './k8s-schema.mjs';

export function findPackage(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function versionOf(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

/** compose-spec validation through dclint's copy of the schema and its ajv 8; undefined without dclint. */
export function composeSchemaValidator(from) {
  const dclint = findPackage('dclint', from);
  if (!dclint) return undefined;
  const schemaFile = join(dclint, 'schemas/compose.schema.json');
  if (!existsSync(schemaFile)) return undefined;
  const required = createRequire(join(dclint, 'package.json'));
  const ajvModule = required('ajv');
  const Ajv = ajvModule.default ?? ajvModule;
  // The options dclint itself validates with.
  const ajv = new Ajv({ allErrors: true, strict: false, strictSchema: false, allowUnionTypes: true, logger: false });
  const validate = ajv.compile(normalizeSchema(JSON.parse(readFileSync(schemaFile, 'utf8'))));
  return {
    source: `compose-spec JSON schema from dclint ${versionOf(dclint)}`,
    validate: (project) => (validate(project) ? [] : validate.errors.map((error) => `${error.instancePath || '(root)'} ${error.message}`)),
  };
}

/** What dclint does before compiling: draft-07's canonical id, and no legacy `id` keys. */
function normalizeSchema(node) {
  if (typeof node !== 'object' || node === null) return node;
  if (!Array.isArray(node)) delete node.id;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' && value === 'https://json-schema.org/draft-07/schema') node[key] = 'http://json-schema.org/draft-07/schema#';
    else node[key] = normalizeSchema(value);
  }
  return node;
}

/** Full Kubernetes OpenAPI validation through kubernetes-models; undefined when it is not installed. */
export async function kubernetesSchemaValidator(from) {
  const dir = findPackage('kubernetes-models', from);
  if (!dir) return undefined;
  const validate = await kubernetesModelsValidator((specifier) => {
    const path = join(dir, `${specifier.replace(/^kubernetes-models\//, '')}.mjs`);
    return import(pathToFileURL(path).href);
  });
  return validate && { source: `kubernetes-models ${versionOf(dir)}`, validate };
}
