// The subset of Kustomize that deploy/k8s uses, for machines without a kustomize binary: resources
// (files and directories), namespace, namePrefix/nameSuffix, labels (includeTemplates), patches
// (strategic merge of maps and name-keyed lists, JSON 6902), images and configMapGenerator (envs,
// literals, files; merge/replace; the content-hash suffix). Anything else is refused, never ignored:
// check-deploy compares this output with `kubectl kustomize` wherever kubectl exists.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { applyJsonPatch, strategicMerge } from './kustomize-patch.mjs';
import { clone, isPlainObject, parseYamlDocuments, readYamlFile } from './yaml.mjs';

const SUPPORTED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'namePrefix',
  'nameSuffix',
  'labels',
  'patches',
  'images',
  'configMapGenerator',
  'generatorOptions',
]);

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'PriorityClass',
  'RuntimeClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
]);

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** Renders the kustomization in `dir` to a list of Kubernetes objects. */
export function renderKustomization(dir) {
  const items = buildLevel(resolve(dir), new Set());
  applyHashSuffixes(items);
  return items.map((item) => item.object);
}

/** One kustomization: its resources (bases built first), its generators, then its transformers. */
function buildLevel(dir, visiting) {
  if (visiting.has(dir)) throw new Error(`${dir}: kustomization cycle`);
  visiting.add(dir);
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const kustomization = readYamlFile(file);
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED_FIELDS.has(key));
  if (unsupported.length > 0) throw new Error(`${file}: not in the supported Kustomize subset: ${unsupported.join(', ')}`);

  const items = [];
  for (const entry of kustomization.resources ?? []) {
    const path = resolve(dir, entry);
    if (!existsSync(path)) throw new Error(`${file}: resource ${entry} does not exist`);
    if (statSync(path).isDirectory()) items.push(...buildLevel(path, visiting));
    else for (const object of parseYamlDocuments(readFileSync(path, 'utf8'), path)) items.push({ object, generated: undefined });
  }
  assertUnique(items, file);
  generateConfigMaps(items, kustomization, dir, file);
  for (const patch of kustomization.patches ?? []) applyPatch(items, patch, dir, file);
  if (kustomization.namespace) setNamespace(items, kustomization.namespace);
  if (kustomization.namePrefix || kustomization.nameSuffix) rename(items, kustomization.namePrefix ?? '', kustomization.nameSuffix ?? '');
  for (const labels of kustomization.labels ?? []) addLabels(items, labels, file);
  for (const image of kustomization.images ?? []) setImage(items, image);
  visiting.delete(dir);
  return items;
}

function idOf(object) {
  return `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
}

function assertUnique(items, file) {
  const seen = new Set();
  for (const { object } of items) {
    const id = idOf(object);
    if (seen.has(id)) throw new Error(`${file}: ${id} is defined twice`);
    seen.add(id);
  }
}

// --- configMapGenerator ------------------------------------------------------------------------

function generateConfigMaps(items, kustomization, dir, file) {
  const options = kustomization.generatorOptions ?? {};
  for (const generator of kustomization.configMapGenerator ?? []) {
    const known = new Set(['name', 'behavior', 'envs', 'literals', 'files', 'options']);
    const extra = Object.keys(generator).filter((key) => !known.has(key));
    if (extra.length > 0) throw new Error(`${file}: configMapGenerator ${generator.name}: unsupported ${extra.join(', ')}`);
    const data = {};
    for (const envFile of generator.envs ?? []) Object.assign(data, parseEnvFile(readFileSync(resolve(dir, envFile), 'utf8')));
    for (const literal of generator.literals ?? []) Object.assign(data, parseLiteral(literal, file));
    for (const source of generator.files ?? []) {
      const [key, path] = source.includes('=') ? source.split(/=(.*)/s) : [basename(source), source];
      data[key] = readFileSync(resolve(dir, path), 'utf8');
    }
    const behavior = generator.behavior ?? 'create';
    const local = { ...options, ...(generator.options ?? {}) };
    if (behavior === 'create') {
      const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data };
      decorate(object, local);
      items.push({ object, generated: { name: generator.name, hash: !local.disableNameSuffixHash } });
      continue;
    }
    const existing = items.find(
      (item) => item.object.kind === 'ConfigMap' && (item.generated?.name ?? item.object.metadata.name) === generator.name,
    );
    if (!existing) throw new Error(`${file}: configMapGenerator ${generator.name} (${behavior}) has no ConfigMap to ${behavior}`);
    if (behavior === 'merge') existing.object.data = { ...(existing.object.data ?? {}), ...data };
    else if (behavior === 'replace') existing.object.data = data;
    else throw new Error(`${file}: configMapGenerator ${generator.name}: unknown behavior ${behavior}`);
    decorate(existing.object, local);
  }
}

function decorate(object, options) {
  if (options.labels) object.metadata.labels = { ...(object.metadata.labels ?? {}), ...options.labels };
  if (options.annotations) object.metadata.annotations = { ...(object.metadata.annotations ?? {}), ...options.annotations };
}

/** KEY=VALUE lines; blank lines and # comments skipped; the value is everything after the first `=`. */
export function parseEnvFile(text) {
  const data = {};
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at <= 0) throw new Error(`env file line without KEY=VALUE: ${raw}`);
    data[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return data;
}

function parseLiteral(literal, file) {
  const at = literal.indexOf('=');
  if (at <= 0) throw new Error(`${file}: literal without KEY=VALUE: ${literal}`);
  let value = literal.slice(at + 1);
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
  return { [literal.slice(0, at)]: value };
}

/**
 * Kustomize's content hash of a generated ConfigMap: sha256 of Go's JSON of {data, kind, name}, its first
 * 10 characters re-lettered. The name in it is empty (as kustomize 5 hashes it), so only content counts.
 */
export function configMapHash(object) {
  const encoded = { kind: 'ConfigMap', name: '', data: object.data ?? {} };
  if (object.binaryData && Object.keys(object.binaryData).length > 0) encoded.binaryData = object.binaryData;
  const hex = createHash('sha256').update(goJson(encoded)).digest('hex');
  const letters = { 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((char) => letters[char] ?? char).join('');
}

/** encoding/json's output: keys sorted, and <, >, & and the line separators escaped. */
function goJson(value) {
  const sorted = (v) =>
    isPlainObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((key) => [key, sorted(v[key])]),
        )
      : Array.isArray(v)
        ? v.map(sorted)
        : v;
  return JSON.stringify(sorted(value)).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function applyHashSuffixes(items) {
  const renames = new Map();
  for (const item of items) {
    if (!item.generated?.hash) continue;
    const before = item.object.metadata.name;
    item.object.metadata.name = `${before}-${configMapHash(item.object)}`;
    renames.set(`ConfigMap/${before}`, item.object.metadata.name);
  }
  updateReferences(items, renames);
}

// --- patches -----------------------------------------------------------------------------------

function applyPatch(items, entry, dir, file) {
  const text = entry.path ? readFileSync(resolve(dir, entry.path), 'utf8') : entry.patch;
  if (typeof text !== 'string') throw new Error(`${file}: a patch needs path or patch`);
  const documents = parseYamlDocuments(text, entry.path ?? `${file} (inline patch)`);
  if (documents.length === 1 && Array.isArray(documents[0])) {
    if (!entry.target) throw new Error(`${file}: a JSON 6902 patch needs a target`);
    const targets = select(items, entry.target);
    if (targets.length === 0) throw new Error(`${file}: patch target ${JSON.stringify(entry.target)} matches nothing`);
    for (const item of targets) item.object = applyJsonPatch(item.object, documents[0]);
    return;
  }
  for (const patch of documents) {
    const targets = entry.target
      ? select(items, entry.target)
      : items.filter(
          ({ object }) =>
            object.kind === patch.kind &&
            object.apiVersion === patch.apiVersion &&
            object.metadata?.name === patch.metadata?.name &&
            (patch.metadata?.namespace === undefined || object.metadata?.namespace === patch.metadata.namespace),
        );
    if (targets.length === 0) throw new Error(`${file}: patch of ${patch.kind}/${patch.metadata?.name} matches nothing`);
    for (const item of targets) {
      const { metadata, ...rest } = clone(patch);
      const { name: _name, namespace: _namespace, ...metadataRest } = metadata ?? {};
      strategicMerge(item.object, { ...rest, metadata: metadataRest });
    }
  }
}

function select(items, target) {
  const matches = (pattern, value) => pattern === undefined || new RegExp(`^(?:${pattern})$`).test(value ?? '');
  return items.filter(({ object }) => {
    const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
    if (target.annotationSelector) throw new Error('patch target annotationSelector is not in the supported subset');
    return (
      matches(target.kind, object.kind) &&
      matches(target.name, object.metadata?.name) &&
      matches(target.namespace, object.metadata?.namespace) &&
      (target.group === undefined || target.group === group) &&
      (target.version === undefined || target.version === version) &&
      (target.labelSelector === undefined || labelSelectorMatches(target.labelSelector, object.metadata?.labels ?? {}))
    );
  });
}

/** `a=b,c!=d,e` label selectors (equality, inequality, existence). */
function labelSelectorMatches(selector, labels) {
  return selector
    .split(',')
    .map((part) => part.trim())
    .every((part) => {
      const [key, value] = part.split(/!?==?/);
      if (part.includes('!=')) return labels[key] !== value;
      if (part.includes('=')) return labels[key] === value;
      return part.startsWith('!') ? !(part.slice(1) in labels) : key in labels;
    });
}

// --- transformers ------------------------------------------------------------------------------

function setNamespace(items, namespace) {
  for (const { object } of items) {
    if (CLUSTER_SCOPED.has(object.kind)) continue;
    object.metadata.namespace = namespace;
  }
}

function rename(items, prefix, suffix) {
  const renames = new Map();
  for (const item of items) {
    if (item.object.kind === 'Namespace' || CLUSTER_SCOPED.has(item.object.kind)) continue;
    const before = item.object.metadata.name;
    item.object.metadata.name = `${prefix}${before}${suffix}`;
    if (item.generated) item.generated.name = `${prefix}${item.generated.name}${suffix}`;
    renames.set(`${item.object.kind}/${before}`, item.object.metadata.name);
  }
  updateReferences(items, renames);
}

function addLabels(items, { pairs = {}, includeSelectors = false, includeTemplates = false, fields, ...rest }, file) {
  if (includeSelectors || fields || Object.keys(rest).length > 0)
    throw new Error(`${file}: labels with includeSelectors/fields are not in the supported subset`);
  for (const { object } of items) {
    object.metadata.labels = { ...(object.metadata.labels ?? {}), ...pairs };
    if (!includeTemplates) continue;
    for (const template of templatesOf(object)) {
      template.metadata ??= {};
      template.metadata.labels = { ...(template.metadata.labels ?? {}), ...pairs };
    }
  }
}

function setImage(items, { name, newName, newTag, digest }) {
  for (const { object } of items) {
    for (const spec of podSpecsOf(object)) {
      for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
        const image = parseImage(container.image ?? '');
        if (image.name !== name) continue;
        const tag = newTag !== undefined ? String(newTag) : digest !== undefined ? undefined : image.tag;
        const finalDigest = digest ?? (newTag !== undefined ? undefined : image.digest);
        container.image = `${newName ?? image.name}${tag ? `:${tag}` : ''}${finalDigest ? `@${finalDigest}` : ''}`;
      }
    }
  }
}

/** `registry:5000/repo/name:tag@sha256:…` → its name, tag and digest. */
export function parseImage(reference) {
  const [withoutDigest, digest] = reference.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  return { name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest, tag: hasTag ? withoutDigest.slice(colon + 1) : undefined, digest };
}

/** The pod templates of a workload (their metadata is where template labels go). */
export function templatesOf(object) {
  if (WORKLOADS.has(object.kind) && object.spec?.template) return [object.spec.template];
  if (object.kind === 'CronJob' && object.spec?.jobTemplate?.spec?.template) return [object.spec.jobTemplate.spec.template];
  return [];
}

export function podSpecsOf(object) {
  if (object.kind === 'Pod') return object.spec ? [object.spec] : [];
  return templatesOf(object)
    .map((template) => template.spec)
    .filter(Boolean);
}

/** Points references (pods → ConfigMaps, Secrets, ServiceAccounts; Ingress → Services; HPA → workloads) at new names. */
function updateReferences(items, renames) {
  if (renames.size === 0) return;
  const to = (kind, name) => renames.get(`${kind}/${name}`) ?? name;
  for (const { object } of items) {
    for (const spec of podSpecsOf(object)) {
      if (spec.serviceAccountName) spec.serviceAccountName = to('ServiceAccount', spec.serviceAccountName);
      for (const secret of spec.imagePullSecrets ?? []) secret.name = to('Secret', secret.name);
      for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) source.configMapRef.name = to('ConfigMap', source.configMapRef.name);
          if (source.secretRef) source.secretRef.name = to('Secret', source.secretRef.name);
        }
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom;
          if (ref?.configMapKeyRef) ref.configMapKeyRef.name = to('ConfigMap', ref.configMapKeyRef.name);
          if (ref?.secretKeyRef) ref.secretKeyRef.name = to('Secret', ref.secretKeyRef.name);
        }
      }
      for (const volume of spec.volumes ?? []) {
        if (volume.configMap) volume.configMap.name = to('ConfigMap', volume.configMap.name);
        if (volume.secret) volume.secret.secretName = to('Secret', volume.secret.secretName);
        for (const source of volume.projected?.sources ?? []) {
          if (source.configMap) source.configMap.name = to('ConfigMap', source.configMap.name);
          if (source.secret) source.secret.name = to('Secret', source.secret.name);
        }
      }
    }
    if (object.kind === 'Ingress') {
      const backends = [
        object.spec?.defaultBackend,
        ...(object.spec?.rules ?? []).flatMap((rule) => (rule.http?.paths ?? []).map((path) => path.backend)),
      ];
      for (const backend of backends) if (backend?.service) backend.service.name = to('Service', backend.service.name);
      for (const tls of object.spec?.tls ?? []) if (tls.secretName) tls.secretName = to('Secret', tls.secretName);
    }
    if (object.kind === 'HorizontalPodAutoscaler' && object.spec?.scaleTargetRef) {
      object.spec.scaleTargetRef.name = to(object.spec.scaleTargetRef.kind, object.spec.scaleTargetRef.name);
    }
  }
}
