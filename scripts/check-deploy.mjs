#!/usr/bin/env node
// `npm run check:deploy`: everything under deploy/ checked offline, with no Docker engine, cluster or
// network.
//   Dockerfiles      hadolint-style rules plus this monorepo's (scripts/check-deploy/dockerfile.mjs)
//   compose file     interpolated like docker compose; compose-spec schema when dclint is installed;
//                    the platform's rules (scripts/check-deploy/compose.mjs)
//   Kustomize        base and overlays rendered by the built-in renderer and, where kubectl or
//                    kustomize exists, by it too: both must agree (scripts/check-deploy/kustomize.mjs)
//   Kubernetes       every object against the built-in schema of its kind, and against the full
//                    OpenAPI schemas when kubernetes-models is installed; the platform's rules; the
//                    network policies against the container diagram's arrows
// Exit code 1 when anything fails. `--quiet` prints failures and the total only.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appVariables } from './check-deploy/app-env.mjs';
import { checkCompose } from './check-deploy/compose.mjs';
import { lintDockerfile } from './check-deploy/dockerfile.mjs';
import { kubernetesPolicyProblems } from './check-deploy/k8s-policy.mjs';
import { structuralProblems } from './check-deploy/k8s-schema.mjs';
import { renderKustomization } from './check-deploy/kustomize.mjs';
import { networkPolicyProblems } from './check-deploy/network-policy.mjs';
import { composeSchemaValidator, kubernetesSchemaValidator } from './check-deploy/optional-validators.mjs';
import { parseYamlDocuments, yamlAvailable } from './check-deploy/yaml.mjs';

const repositoryRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The kustomize that exists here, if any: `kubectl kustomize` or a standalone `kustomize build`. */
function findKustomize() {
  for (const [command, args] of [
    ['kubectl', ['kustomize']],
    ['kustomize', ['build']],
  ]) {
    try {
      const version = execFileSync(command, command === 'kubectl' ? ['version', '--client'] : ['version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const kustomizeVersion = /Kustomize Version: (\S+)/.exec(version)?.[1] ?? version.trim().split('\n')[0];
      return {
        name: `${command} ${args.join(' ')} (${kustomizeVersion})`,
        render: (dir) => parseYamlDocuments(execFileSync(command, [...args, dir], { encoding: 'utf8' }), `${command} ${dir}`),
      };
    } catch {
      // not installed: try the next one
    }
  }
  return undefined;
}

/** The same objects, whatever their order and key order. */
function differences(ours, theirs) {
  const key = (object) => `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
  const canonical = (value) =>
    JSON.stringify(value, (_, item) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(
            Object.keys(item)
              .sort()
              .map((k) => [k, item[k]]),
          )
        : item,
    );
  const mine = new Map(ours.map((object) => [key(object), canonical(object)]));
  const other = new Map(theirs.map((object) => [key(object), canonical(object)]));
  return [
    ...[...mine.keys()].filter((id) => !other.has(id)).map((id) => `${id} only in the built-in rendering`),
    ...[...other.keys()].filter((id) => !mine.has(id)).map((id) => `${id} only in the kustomize rendering`),
    ...[...mine.keys()].filter((id) => other.has(id) && mine.get(id) !== other.get(id)).map((id) => `${id} differs between the renderings`),
  ];
}

function workspaces(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = manifest.workspaces
    .flatMap((pattern) => {
      const parent = pattern.replace(/\/\*$/, '');
      return existsSync(join(root, parent))
        ? readdirSync(join(root, parent), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${parent}/${entry.name}`)
        : [];
    })
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .sort();
  const packages = new Map();
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const build = /^tsc\b/.test(pkg.scripts?.build ?? '') ? 'tsc' : /^next build\b/.test(pkg.scripts?.build ?? '') ? 'next' : undefined;
    packages.set(pkg.name, { dir, build, dependencies: Object.keys(pkg.dependencies ?? {}).filter((name) => name.startsWith('@msp/')) });
  }
  const nodeMajor = Number(/(\d+)/.exec(manifest.engines?.node ?? '')?.[1]) || undefined;
  return { dirs, packages, nodeMajor };
}

/**
 * Runs every check; returns the results by section without printing. `modules` is where the optional
 * validators (dclint, kubernetes-models) are looked for: the repository's node_modules by default.
 */
export async function checkDeploy({ root = repositoryRoot, kustomize = findKustomize(), modules = root } = {}) {
  const sections = [];
  const section = (title, note) => {
    const entry = { title, note, checks: [] };
    sections.push(entry);
    return (name, problems) => entry.checks.push({ name, problems });
  };
  if (!yamlAvailable) {
    section('Setup')('yaml', ['the `yaml` npm package is not installed (add yaml@2.9.1 to the root devDependencies)']);
    return sections;
  }
  const deploy = join(root, 'deploy');
  const variables = appVariables(root);
  const { dirs, packages, nodeMajor } = workspaces(root);
  const lockPackages = Object.keys(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {});

  // Dockerfiles.
  const dockerDir = join(deploy, 'docker');
  const dockerfiles = existsSync(dockerDir)
    ? readdirSync(dockerDir)
        .filter((name) => name.endsWith('.Dockerfile'))
        .sort()
    : [];
  const dockerCheck = section('Dockerfiles', 'hadolint-style rules and the monorepo build rules');
  if (dockerfiles.length === 0) dockerCheck('deploy/docker', ['no *.Dockerfile']);
  for (const name of dockerfiles) {
    const file = join(dockerDir, name);
    const ignoreFile = `${file}.dockerignore`;
    const rootIgnore = join(root, '.dockerignore');
    dockerCheck(
      relative(root, file),
      lintDockerfile(readFileSync(file, 'utf8'), {
        file: relative(root, file),
        exists: (path) => existsSync(join(root, path)),
        dockerignore: existsSync(ignoreFile)
          ? readFileSync(ignoreFile, 'utf8')
          : existsSync(rootIgnore)
            ? readFileSync(rootIgnore, 'utf8')
            : undefined,
        workspaceDirs: dirs,
        workspacePackages: packages,
        lockPackages,
        knownVariables: variables.get(basename(name, '.Dockerfile')),
        nodeMajor,
      }),
    );
  }
  for (const app of ['gateway', 'auth-service', 'user-service', 'project-service', 'comms-service', 'web']) {
    if (!dockerfiles.includes(`${app}.Dockerfile`))
      dockerCheck(`deploy/docker/${app}.Dockerfile`, ['missing: every app needs a production image']);
  }

  // Compose.
  const composeFile = join(deploy, 'docker-compose.yml');
  const composeSchema = composeSchemaValidator(modules);
  const composeCheck = section(
    'docker-compose.yml',
    composeSchema
      ? `${composeSchema.source}, the built-in structure and the platform's rules`
      : "built-in structure and the platform's rules (compose-spec schema skipped: dclint not installed)",
  );
  if (!existsSync(composeFile)) composeCheck('deploy/docker-compose.yml', ['missing']);
  else {
    try {
      const { problems } = checkCompose({
        file: composeFile,
        envExampleFile: join(deploy, '.env.example'),
        variables,
        validateSchema: composeSchema?.validate,
      });
      composeCheck(
        `${relative(root, composeFile)} (with deploy/.env.example)`,
        problems.map((problem) => problem.replace(`${root}/`, '')),
      );
    } catch (error) {
      composeCheck(relative(root, composeFile), [String(error.message ?? error)]);
    }
  }

  // Kustomize: render base and overlays.
  const k8s = join(deploy, 'k8s');
  const targets = [
    'base',
    ...(existsSync(join(k8s, 'overlays')) ? readdirSync(join(k8s, 'overlays')).map((name) => `overlays/${name}`) : []),
  ].filter((target) => existsSync(join(k8s, target, 'kustomization.yaml')));
  const renderCheck = section(
    'Kustomize',
    kustomize ? `built-in renderer, compared with ${kustomize.name}` : 'built-in renderer (no kubectl or kustomize here to compare with)',
  );
  for (const overlay of ['overlays/staging', 'overlays/production'])
    if (!targets.includes(overlay)) renderCheck(`deploy/k8s/${overlay}`, ['missing']);
  const rendered = new Map();
  for (const target of targets) {
    const dir = join(k8s, target);
    try {
      const ours = renderKustomization(dir);
      const theirs = kustomize?.render(dir);
      rendered.set(target, theirs ?? ours);
      renderCheck(`deploy/k8s/${target}: ${ours.length} objects`, theirs ? differences(ours, theirs) : []);
    } catch (error) {
      renderCheck(`deploy/k8s/${target}`, [String(error.message ?? error)]);
    }
  }

  // Kubernetes objects: schemas, rules, network policies.
  const openApi = await kubernetesSchemaValidator(modules);
  const schemaCheck = section(
    'Kubernetes schemas',
    openApi
      ? `built-in schema of each kind (no unknown fields) and ${openApi.source} (OpenAPI)`
      : 'built-in schema of each kind (full OpenAPI skipped: kubernetes-models not installed)',
  );
  const operationsGuide = existsSync(join(root, 'docs/operations.md')) ? readFileSync(join(root, 'docs/operations.md'), 'utf8') : '';
  const policyCheck = section(
    'Kubernetes rules',
    'probes, resources, security, references, variables, hosts; network policies = the diagram',
  );
  for (const [target, objects] of rendered) {
    const problems = objects.flatMap((object) => structuralProblems(object));
    if (openApi) for (const object of objects) problems.push(...(await openApi.validate(object)));
    schemaCheck(`deploy/k8s/${target}: ${objects.length} objects`, problems);
    const overlay = target !== 'base';
    policyCheck(
      `deploy/k8s/${target}: workloads`,
      kubernetesPolicyProblems(objects, { variables, operationsGuide, expectNamespace: overlay }).problems,
    );
    policyCheck(`deploy/k8s/${target}: network policies`, networkPolicyProblems(objects, overlay ? undefined : 'default'));
  }
  return sections;
}

function print(sections, { quiet }) {
  let passed = 0;
  let failed = 0;
  for (const { title, note, checks } of sections) {
    if (!quiet) console.log(`\n${title} — ${note ?? ''}`);
    for (const { name, problems } of checks) {
      if (problems.length === 0) passed++;
      else failed++;
      if (problems.length === 0 && quiet) continue;
      console.log(`  ${problems.length === 0 ? '✓' : '✗'} ${name}`);
      for (const problem of problems) console.log(`      ${problem}`);
    }
  }
  console.log(`\ncheck:deploy: ${passed} passed, ${failed} failed`);
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failed = print(await checkDeploy(), { quiet: process.argv.includes('--quiet') });
  process.exitCode = failed > 0 ? 1 : 0;
}
