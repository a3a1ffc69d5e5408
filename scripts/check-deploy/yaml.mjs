// YAML for the deploy checks. `yaml` is already in the lockfile (vite depends on it); it is loaded here
// so a missing copy is reported as one clear problem instead of a stack trace.
import { readFileSync } from 'node:fs';

let yamlModule;
try {
  yamlModule = await import('yaml');
} catch {
  yamlModule = undefined;
}

export const yamlAvailable = yamlModule !== undefined;

function requireYaml() {
  if (!yamlModule) throw new Error('the `yaml` npm package is not installed (add yaml@2.9.1 to the root devDependencies)');
  return yamlModule;
}

/** Every document of a YAML stream, empty ones left out; a syntax error names the file and line. */
export function parseYamlDocuments(text, source = '<yaml>', { merge = false } = {}) {
  const documents = requireYaml().parseAllDocuments(text, { merge, prettyErrors: true });
  const values = [];
  for (const document of documents) {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0].message}`);
    const value = document.toJS({ maxAliasCount: -1 });
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** A single-document YAML file (a kustomization, a compose file). */
export function readYamlFile(path, options) {
  const documents = parseYamlDocuments(readFileSync(path, 'utf8'), path, options);
  if (documents.length !== 1) throw new Error(`${path}: expected one YAML document, found ${documents.length}`);
  return documents[0];
}

export function parseYaml(text, source) {
  const documents = parseYamlDocuments(text, source);
  return documents.length === 0 ? null : documents[0];
}

/** A deep copy of plain YAML/JSON data. */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
