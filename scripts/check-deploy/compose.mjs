// deploy/docker-compose.yml: interpolated as docker compose would, validated against the compose-spec
// JSON schema when dclint (which ships it) is installed, else against the structure used here, then
// held to the platform's rules (every app, healthy dependencies, one database per service, hardening).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { unknownVariables } from './app-env.mjs';
import { parseDockerfile, stagesOf } from './dockerfile.mjs';
import { isPlainObject, parseYamlDocuments } from './yaml.mjs';

/** What a compose file needs to run the platform. */
export const REQUIRED_SERVICES = [
  'postgres',
  'redis',
  'rabbitmq',
  'auth-service',
  'user-service',
  'project-service',
  'comms-service',
  'gateway',
  'web',
];

/** Ports of the stock images the platform uses. */
const IMAGE_PORTS = { postgres: [5432], redis: [6379], rabbitmq: [5672] };

const PLACEHOLDER = 'check-deploy-placeholder';

/** KEY=VALUE lines of an .env file; `# KEY=…` lines count as documented (but unset). */
export function parseDotEnv(text) {
  const values = {};
  const documented = new Set();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(#\s*)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    documented.add(match[2]);
    if (!match[1]) values[match[2]] = match[3];
  }
  return { values, documented };
}

/** Compose interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, ${VAR+alt}. */
export function interpolate(
  value,
  env,
  onError = (message) => {
    throw new Error(message);
  },
  used = new Set(),
) {
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env, onError, used));
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, onError, used)]));
  if (typeof value !== 'string') return value;
  return value.replace(
    /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^}])*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_, dollar, name, operator, argument, bare) => {
      if (dollar) return '$';
      const variable = name ?? bare;
      used.add(variable);
      const current = env[variable];
      const set = current !== undefined;
      const nonEmpty = set && current !== '';
      switch (operator) {
        case undefined:
          return current ?? '';
        case ':-':
          return nonEmpty ? current : argument;
        case '-':
          return set ? current : argument;
        case ':?':
        case '?':
          if (operator === ':?' ? nonEmpty : set) return current;
          onError(`required variable ${variable} is missing: ${argument}`);
          return '';
        case ':+':
          return nonEmpty ? argument : '';
        case '+':
          return set ? argument : '';
        default:
          return '';
      }
    },
  );
}

/** Loads the compose file with the variables of the .env example (required passwords set to a placeholder). */
export function loadCompose(file, envExampleFile) {
  const problems = [];
  const example = existsSync(envExampleFile) ? parseDotEnv(readFileSync(envExampleFile, 'utf8')) : { values: {}, documented: new Set() };
  if (!existsSync(envExampleFile)) problems.push(`${envExampleFile} is missing: compose needs its variables documented`);
  const env = Object.fromEntries(Object.entries(example.values).map(([key, value]) => [key, value === '' ? PLACEHOLDER : value]));
  const [raw] = parseYamlDocuments(readFileSync(file, 'utf8'), file, { merge: true });
  const used = new Set();
  const project = interpolate(raw, env, (message) => problems.push(`${file}: ${message}`), used);
  for (const variable of used)
    if (!example.documented.has(variable)) problems.push(`${file}: \${${variable}} is not documented in ${basename(envExampleFile)}`);
  // Extension fields (x-…) are for anchors only.
  for (const key of Object.keys(project)) if (key.startsWith('x-')) delete project[key];
  return { project, problems };
}

const TOP_LEVEL = new Set(['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs', 'include']);
const SERVICE_KEYS = new Set(
  (
    'annotations attach build blkio_config cap_add cap_drop cgroup cgroup_parent command configs container_name cpu_count cpu_percent cpu_period ' +
    'cpu_quota cpu_rt_period cpu_rt_runtime cpu_shares cpus cpuset deploy depends_on develop device_cgroup_rules devices dns dns_opt dns_search ' +
    'domainname entrypoint env_file environment expose extends external_links extra_hosts gpus group_add healthcheck hostname image init ipc ' +
    'isolation labels links logging mac_address mem_limit mem_reservation mem_swappiness memswap_limit network_mode networks oom_kill_disable ' +
    'oom_score_adj pid pids_limit platform ports post_start pre_stop privileged profiles pull_policy read_only restart runtime scale secrets ' +
    'security_opt shm_size stdin_open stop_grace_period stop_signal storage_opt sysctls tmpfs tty ulimits user userns_mode uts volumes volumes_from working_dir'
  ).split(' '),
);
const HEALTHCHECK_KEYS = new Set(['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']);
const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

/** The structure this repository's compose file relies on (used when the compose-spec schema is not installed). */
export function structuralComposeProblems(project, file) {
  const problems = [];
  const at = (path, message) => problems.push(`${file}: ${path}: ${message}`);
  for (const key of Object.keys(project)) if (!TOP_LEVEL.has(key)) at(key, 'unknown top-level key');
  if (!isPlainObject(project.services)) return [...problems, `${file}: services must be a mapping`];
  for (const [name, service] of Object.entries(project.services)) {
    const path = `services.${name}`;
    if (!/^[a-zA-Z0-9._-]+$/.test(name)) at(path, 'invalid service name');
    if (!isPlainObject(service)) {
      at(path, 'must be a mapping');
      continue;
    }
    for (const key of Object.keys(service)) if (!SERVICE_KEYS.has(key)) at(`${path}.${key}`, 'unknown service key');
    if (service.image !== undefined && typeof service.image !== 'string') at(`${path}.image`, 'must be a string');
    if (service.build !== undefined && typeof service.build !== 'string' && !isPlainObject(service.build))
      at(`${path}.build`, 'must be a string or mapping');
    if (service.environment !== undefined) {
      const entries = Array.isArray(service.environment)
        ? service.environment.map((item) => [String(item).split('=')[0], ''])
        : Object.entries(service.environment ?? {});
      if (!Array.isArray(service.environment) && !isPlainObject(service.environment))
        at(`${path}.environment`, 'must be a mapping or list');
      for (const [key, value] of entries)
        if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) at(`${path}.environment.${key}`, 'must be a scalar');
    }
    if (service.depends_on !== undefined) {
      if (Array.isArray(service.depends_on)) {
        if (!service.depends_on.every((item) => typeof item === 'string')) at(`${path}.depends_on`, 'list items must be service names');
      } else if (isPlainObject(service.depends_on)) {
        for (const [target, dependency] of Object.entries(service.depends_on)) {
          if (!isPlainObject(dependency) || !CONDITIONS.has(dependency.condition))
            at(`${path}.depends_on.${target}`, `condition must be one of ${[...CONDITIONS].join(', ')}`);
        }
      } else at(`${path}.depends_on`, 'must be a list or mapping');
    }
    if (service.healthcheck !== undefined) {
      for (const key of Object.keys(service.healthcheck))
        if (!HEALTHCHECK_KEYS.has(key)) at(`${path}.healthcheck.${key}`, 'unknown healthcheck key');
      const test = service.healthcheck.test;
      if (!(typeof test === 'string' || (Array.isArray(test) && ['CMD', 'CMD-SHELL', 'NONE'].includes(test[0]))))
        at(`${path}.healthcheck.test`, 'must be a string or [CMD|CMD-SHELL|NONE, …]');
      for (const key of ['interval', 'timeout', 'start_period']) {
        const value = service.healthcheck[key];
        if (value !== undefined && !/^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/.test(String(value)))
          at(`${path}.healthcheck.${key}`, `${value} is not a duration`);
      }
    }
    for (const key of ['ports', 'volumes', 'cap_drop', 'cap_add', 'security_opt']) {
      if (service[key] !== undefined && !Array.isArray(service[key])) at(`${path}.${key}`, 'must be a list');
    }
    for (const key of ['read_only', 'init', 'privileged', 'tty'])
      if (service[key] !== undefined && typeof service[key] !== 'boolean') at(`${path}.${key}`, 'must be a boolean');
    if (service.restart !== undefined && !/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(service.restart))
      at(`${path}.restart`, `${service.restart} is not a restart policy`);
  }
  for (const key of ['volumes', 'networks']) {
    if (project[key] !== undefined && !isPlainObject(project[key])) at(key, 'must be a mapping');
  }
  return problems;
}

/** The platform's rules for the compose project. `variables` maps app → the variables it reads. */
export function composePolicyProblems(project, { file, variables }) {
  const problems = [];
  const at = (path, message) => problems.push(`${file}: ${path}: ${message}`);
  const dir = dirname(file);
  const services = project.services ?? {};
  for (const name of REQUIRED_SERVICES) if (!services[name]) at('services', `${name} is missing`);

  const dockerfiles = new Map();
  for (const [name, service] of Object.entries(services)) {
    const path = `services.${name}`;
    if (service.build) {
      const build = typeof service.build === 'string' ? { context: service.build } : service.build;
      const context = resolve(dir, build.context ?? '.');
      const dockerfile = resolve(context, build.dockerfile ?? 'Dockerfile');
      if (!existsSync(context)) at(`${path}.build.context`, `${build.context} does not exist`);
      if (!existsSync(dockerfile)) at(`${path}.build.dockerfile`, `${build.dockerfile} does not exist`);
      else dockerfiles.set(name, { path: dockerfile, app: basename(dockerfile).replace(/\.Dockerfile$/, '') });
      if (service.read_only !== true) at(path, 'read_only must be true (the apps write only to /tmp)');
      if (!(service.cap_drop ?? []).includes('ALL')) at(path, 'cap_drop must include ALL');
      if (!(service.security_opt ?? []).some((option) => /^no-new-privileges(:true)?$/.test(option)))
        at(path, 'security_opt must include no-new-privileges:true');
    } else if (!service.image) at(path, 'needs an image or a build');
    else {
      const tag = service.image.includes(':') ? service.image.slice(service.image.lastIndexOf(':') + 1) : undefined;
      if (!service.image.includes('@') && (!tag || tag === 'latest' || !/^\d+(\.\d+)+/.test(tag)))
        at(`${path}.image`, `${service.image} is not pinned to a version`);
    }
  }

  // Each app reads only variables its config.ts knows.
  const envOf = (service) =>
    Array.isArray(service.environment)
      ? Object.fromEntries(service.environment.map((item) => String(item).split(/=(.*)/s).slice(0, 2)))
      : Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]));
  for (const [name, { app }] of dockerfiles) {
    problems.push(...unknownVariables(variables, app, Object.keys(envOf(services[name])), `${file}: services.${name}.environment`));
  }

  // Health: a dependency waited on as healthy must have a health check (compose or its image's HEALTHCHECK).
  const healthy = (name) => {
    const service = services[name];
    if (service?.healthcheck && service.healthcheck.disable !== true && service.healthcheck.test?.[0] !== 'NONE') return true;
    const dockerfile = dockerfiles.get(name);
    if (!dockerfile) return false;
    const stages = stagesOf(parseDockerfile(readFileSync(dockerfile.path, 'utf8')).instructions);
    return stages.at(-1).instructions.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(i.args));
  };
  const dependencies = (service) =>
    Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((n) => [n, {}])) : (service.depends_on ?? {});
  for (const [name, service] of Object.entries(services)) {
    if (!service.healthcheck && !dockerfiles.has(name)) at(`services.${name}`, 'no healthcheck (dependents cannot wait for it)');
    for (const [target, dependency] of Object.entries(dependencies(service))) {
      if (!services[target]) at(`services.${name}.depends_on`, `${target} is not a service`);
      else if (dependency.condition === 'service_healthy' && !healthy(target))
        at(`services.${name}.depends_on.${target}`, 'waits for health, but it has no health check');
    }
  }
  const visiting = new Set();
  const done = new Set();
  const walk = (name, trail) => {
    if (done.has(name) || !services[name]) return;
    if (visiting.has(name)) return at('depends_on', `cycle ${[...trail, name].join(' → ')}`);
    visiting.add(name);
    for (const target of Object.keys(dependencies(services[name]))) walk(target, [...trail, name]);
    visiting.delete(name);
    done.add(name);
  };
  for (const name of Object.keys(services)) walk(name, []);

  // Volumes and ports.
  const published = new Map();
  for (const [name, service] of Object.entries(services)) {
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      if (!source) continue;
      if (/^[./~]/.test(source)) {
        if (!existsSync(resolve(dir, source))) at(`services.${name}.volumes`, `bind source ${source} does not exist`);
      } else if (!project.volumes || !(source in project.volumes)) at(`services.${name}.volumes`, `named volume ${source} is not declared`);
    }
    for (const port of service.ports ?? []) {
      const parts = String(port).split(':');
      const key = parts.length >= 3 ? `${parts[0]}:${parts[1]}` : parts.length === 2 ? parts[0] : undefined;
      if (!key) continue;
      if (published.has(key)) at(`services.${name}.ports`, `host port ${key} is also published by ${published.get(key)}`);
      published.set(key, name);
    }
  }

  // Connections: every host:port an app is given is a service that listens there.
  const listens = new Map();
  for (const [name, service] of Object.entries(services)) {
    const ports = new Set((IMAGE_PORTS[(service.image ?? '').split(/[:@]/)[0]] ?? []).map(String));
    const dockerfile = dockerfiles.get(name);
    if (dockerfile) {
      const stages = stagesOf(parseDockerfile(readFileSync(dockerfile.path, 'utf8')).instructions);
      for (const expose of stages.at(-1).instructions.filter((i) => i.keyword === 'EXPOSE'))
        for (const port of expose.args.split(/\s+/)) ports.add(port.split('/')[0]);
    }
    listens.set(name, ports);
  }
  for (const [name, service] of Object.entries(services)) {
    for (const [key, value] of Object.entries(envOf(service))) {
      const target = /^(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?)?([a-z0-9-]+):(\d+)(?:\/|$)/.exec(value);
      if (!target || !services[target[1]]) continue;
      if (!listens.get(target[1]).has(target[2])) at(`services.${name}.environment.${key}`, `${target[1]} does not listen on ${target[2]}`);
    }
  }

  // One database per service, each created by the PostgreSQL init scripts.
  const initScripts = (services.postgres?.volumes ?? [])
    .map((volume) => (typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target]))
    .filter(([, target]) => target === '/docker-entrypoint-initdb.d')
    .map(([source]) => resolve(dir, source))
    .filter((path) => existsSync(path) && statSync(path).isDirectory())
    .flatMap((path) => readdirSync(path).map((name) => readFileSync(join(path, name), 'utf8')))
    .join('\n');
  const databases = new Map();
  for (const [name, service] of Object.entries(services)) {
    for (const [key, value] of Object.entries(envOf(service))) {
      if (!/_DATABASE_URL$/.test(key) || value === '') continue;
      const database = new URL(value).pathname.slice(1);
      if (databases.has(database))
        at(`services.${name}.environment.${key}`, `database ${database} is also used by ${databases.get(database)}`);
      databases.set(database, name);
      if (!new RegExp(`\\b${database}\\b`).test(initScripts))
        at(`services.${name}.environment.${key}`, `database ${database} is not created by the PostgreSQL init scripts`);
    }
  }
  return problems;
}

/** Every check of the compose file; `validateSchema` is the compose-spec validator when dclint is installed. */
export function checkCompose({ file, envExampleFile, variables, validateSchema }) {
  const { project, problems } = loadCompose(file, envExampleFile);
  if (validateSchema) problems.push(...validateSchema(project).map((message) => `${file}: ${message}`));
  problems.push(...structuralComposeProblems(project, file));
  problems.push(...composePolicyProblems(project, { file, variables }));
  return { project, problems };
}
