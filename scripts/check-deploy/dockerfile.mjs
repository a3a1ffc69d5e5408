// A small Dockerfile linter in the spirit of hadolint (no hadolint binary exists here), plus the rules
// this monorepo's images depend on: every workspace manifest before `npm ci`, production-only
// dependencies in the runtime stage, each workspace's package.json and migrations beside its dist.

/** Instructions with continuation lines joined and comments kept apart. */
export function parseDockerfile(text) {
  const instructions = [];
  const comments = [];
  const lines = text.split(/\r?\n/);
  let pending;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) {
      // A comment inside a continued instruction is dropped; elsewhere it is kept for the rules.
      if (!pending) comments.push({ line: index + 1, text: trimmed.slice(1).trim() });
      continue;
    }
    if (trimmed === '' && !pending) continue;
    const continued = /\\\s*$/.test(line);
    const content = continued ? line.replace(/\\\s*$/, '') : line;
    if (pending) pending.text += ` ${content.trim()}`;
    else pending = { line: index + 1, text: content.trim() };
    if (!continued) {
      instructions.push(toInstruction(pending));
      pending = undefined;
    }
  }
  if (pending) instructions.push(toInstruction(pending));
  return { instructions, comments };
}

function toInstruction({ line, text }) {
  const match = /^(\S+)\s*(.*)$/s.exec(text);
  const keyword = match[1].toUpperCase();
  let rest = match[2].trim();
  const flags = {};
  if (['FROM', 'COPY', 'ADD', 'RUN', 'HEALTHCHECK'].includes(keyword)) {
    for (let flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest); flag; flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest)) {
      flags[flag[1]] = flag[2] ?? true;
      rest = rest.slice(flag[0].length);
    }
  }
  let json;
  if (rest.startsWith('[')) {
    try {
      json = JSON.parse(rest);
    } catch {
      json = undefined;
    }
  }
  return { keyword, args: rest, flags, json, line };
}

/** Stages with their base, name and instructions; ARG defaults before the first FROM are resolved. */
export function stagesOf(instructions) {
  const globalArgs = {};
  const stages = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, value] = instruction.args.split(/=(.*)/s);
      globalArgs[name.trim()] = value?.trim().replace(/^["']|["']$/g, '');
      continue;
    }
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      const base = image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, arg) => globalArgs[arg] ?? '');
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, line: instruction.line, instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** Docker's .dockerignore semantics: the last matching pattern wins; a match on a parent directory counts. */
export function dockerignoreMatcher(text) {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = (negate ? line.slice(1) : line).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      return { negate, regex: globToRegex(pattern) };
    });
  return (path) => {
    const parts = path.replace(/^\.?\/+/, '').split('/');
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let excluded = false;
    for (const rule of rules) if (candidates.some((candidate) => rule.regex.test(candidate))) excluded = !rule.negate;
    return excluded;
  };
}

function globToRegex(pattern) {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*') {
      const slash = pattern[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function sourcesOf(instruction) {
  const parts = instruction.json ?? instruction.args.split(/\s+/);
  return { sources: parts.slice(0, -1), destination: parts.at(-1) };
}

const VERSIONED_TAG = /^\d+\.\d+\.\d+/;

/**
 * Problems of one Dockerfile. `context` adds the repository-aware rules when given: `exists(path)`,
 * `dockerignore` (text), `workspaceDirs`, `workspacePackages` (name → {dir, dependencies, build: 'tsc' | 'next'}),
 * `lockPackages` (the lockfile's package paths), `knownVariables` (Set), `nodeMajor`.
 */
export function lintDockerfile(text, context = {}) {
  const file = context.file ?? 'Dockerfile';
  const problems = [];
  const report = (rule, line, message) => problems.push(`${file}:${line} [${rule}] ${message}`);
  const { instructions } = parseDockerfile(text);
  const stages = stagesOf(instructions);
  if (stages.length === 0) return [`${file} [syntax] no FROM instruction`];
  const stageNames = new Set(stages.map((stage) => stage.name).filter(Boolean));
  const final = stages.at(-1);

  // Base images: pinned, never latest; the final one small.
  for (const stage of stages) {
    if (stageNames.has(stage.base)) continue;
    const [withoutDigest, digest] = stage.base.split('@');
    const tag = withoutDigest.includes(':') ? withoutDigest.slice(withoutDigest.lastIndexOf(':') + 1) : undefined;
    if (tag === 'latest') report('no-latest', stage.line, `base image ${stage.base} uses the latest tag`);
    else if (!digest && !tag) report('pinned-base', stage.line, `base image ${stage.base} has no tag (implicit latest)`);
    else if (!digest && !VERSIONED_TAG.test(tag))
      report('pinned-base', stage.line, `base image ${stage.base} is not pinned to a full version or digest`);
    const node = /^(?:docker\.io\/)?(?:library\/)?node:(\d+)/.exec(withoutDigest);
    if (node && context.nodeMajor && Number(node[1]) !== context.nodeMajor) {
      report('node-version', stage.line, `base image ${stage.base} is not Node ${context.nodeMajor} (package.json engines)`);
    }
  }
  const finalBase = stageNames.has(final.base) ? stages.find((stage) => stage.name === final.base).base : final.base;
  if (!/slim|alpine|distroless/.test(finalBase))
    report('small-base', final.line, `the runtime stage's base ${finalBase} is not a slim image`);
  if (stages.length < 2) report('multi-stage', final.line, 'build and runtime are one stage (dev dependencies and sources would ship)');

  for (const instruction of instructions) {
    if (instruction.keyword === 'ADD') report('no-add', instruction.line, 'use COPY (ADD fetches URLs and unpacks archives)');
    if (instruction.keyword === 'MAINTAINER') report('no-maintainer', instruction.line, 'MAINTAINER is deprecated (use a LABEL)');
    if (instruction.keyword !== 'RUN') continue;
    if (/\bnpm\s+(?:install|i|add)\b/.test(instruction.args))
      report('npm-ci', instruction.line, 'use `npm ci` (the lockfile, exactly), not npm install');
    if (/\bapt-get\s+install\b/.test(instruction.args)) {
      if (!/--no-install-recommends/.test(instruction.args))
        report('apt-recommends', instruction.line, 'apt-get install without --no-install-recommends');
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(instruction.args))
        report('apt-lists', instruction.line, 'apt lists not removed in the same RUN');
    }
    if (/\b(?:curl|wget)\b[^|]*\|\s*(?:ba)?sh\b/.test(instruction.args))
      report('pipe-to-shell', instruction.line, 'a downloaded script piped to a shell');
    if (/\bsudo\b/.test(instruction.args)) report('no-sudo', instruction.line, 'sudo in a build');
  }

  // The runtime stage: production dependencies only, an unprivileged numeric user, a health check, exec form.
  const npmCiStages = stages.filter((stage) => stage.instructions.some((i) => i.keyword === 'RUN' && /\bnpm\s+ci\b/.test(i.args)));
  const prodStages = new Set(
    stages
      .filter((stage) =>
        stage.instructions.some((i) => i.keyword === 'RUN' && /\bnpm\s+(?:ci|prune)\b[^&;]*--(?:omit=dev|production)\b/.test(i.args)),
      )
      .map((stage) => stage.name),
  );
  const finalCopies = final.instructions.filter((i) => i.keyword === 'COPY');
  const nodeModules = finalCopies.filter((i) => sourcesOf(i).sources.some((source) => /(?:^|\/)node_modules\/?$/.test(source)));
  if (
    npmCiStages.length > 0 &&
    final.instructions.some((i) => i.keyword === 'RUN' && /\bnpm\s+ci\b/.test(i.args) && !/--omit=dev/.test(i.args))
  ) {
    report('prod-deps', final.line, 'the runtime stage installs dev dependencies');
  }
  for (const copy of nodeModules) {
    if (copy.flags.from && !prodStages.has(copy.flags.from))
      report('prod-deps', copy.line, `node_modules come from stage ${copy.flags.from}, which keeps dev dependencies (npm ci --omit=dev)`);
  }
  if (
    npmCiStages.length > 0 &&
    nodeModules.length === 0 &&
    !final.instructions.some((i) => i.keyword === 'RUN' && /--omit=dev/.test(i.args))
  ) {
    report('prod-deps', final.line, 'the runtime stage has no production node_modules');
  }

  const users = final.instructions.filter((i) => i.keyword === 'USER');
  const user = users.at(-1)?.args.split(':')[0];
  if (!user) report('non-root', final.line, 'the runtime stage runs as root (no USER)');
  else if (user === 'root' || user === '0') report('non-root', users.at(-1).line, 'USER is root');
  else if (!/^\d+$/.test(user))
    report('numeric-user', users.at(-1).line, `USER ${user} is not numeric: Kubernetes cannot verify runAsNonRoot`);

  const healthcheck = final.instructions.filter((i) => i.keyword === 'HEALTHCHECK').at(-1);
  if (!healthcheck) report('healthcheck', final.line, 'no HEALTHCHECK in the runtime stage');
  else if (/^NONE\b/i.test(healthcheck.args)) report('healthcheck', healthcheck.line, 'HEALTHCHECK NONE');
  for (const instruction of final.instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) {
    if (!Array.isArray(instruction.json))
      report('exec-form', instruction.line, `${instruction.keyword} in shell form: signals would go to /bin/sh, not node`);
  }
  if (!final.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'))
    report('exec-form', final.line, 'no CMD or ENTRYPOINT');

  const env = envOf(final);
  const exposed = new Set(
    final.instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/).map((port) => port.split('/')[0])),
  );
  for (const [name, value] of Object.entries(env)) {
    if (/_PORT$/.test(name) && !exposed.has(value)) report('expose', final.line, `${name}=${value} is not EXPOSEd`);
  }
  if (context.knownVariables) {
    for (const name of Object.keys(env))
      if (!context.knownVariables.has(name)) report('known-env', final.line, `ENV ${name} is not read by the app`);
  }

  if (context.exists) repositoryRules(stages, final, context, report);
  return problems;
}

function envOf(stage) {
  const env = {};
  for (const instruction of stage.instructions.filter((i) => i.keyword === 'ENV')) {
    for (const match of instruction.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g))
      env[match[1]] = match[2].replace(/^"|"$/g, '');
  }
  return env;
}

function repositoryRules(stages, final, context, report) {
  const byName = new Map(stages.map((stage) => [stage.name, stage]));
  const lineage = (stage) => (byName.has(stage.base) ? [...lineage(byName.get(stage.base)), stage] : [stage]);
  const ignored = context.dockerignore === undefined ? () => false : dockerignoreMatcher(context.dockerignore);
  if (context.dockerignore === undefined)
    report('dockerignore', 1, 'no .dockerignore for this Dockerfile (node_modules and dist would enter the build context)');
  else if (!ignored('apps/x/node_modules/y') || !ignored('packages/x/dist/y.js'))
    report('dockerignore', 1, 'the .dockerignore keeps node_modules or dist');

  for (const stage of stages) {
    for (const copy of stage.instructions.filter((i) => i.keyword === 'COPY' && !i.flags.from)) {
      for (const source of sourcesOf(copy).sources) {
        if (source.includes('*')) continue;
        const path = source.replace(/^\.\//, '').replace(/\/$/, '') || '.';
        if (!context.exists(path)) report('copy-source', copy.line, `COPY source ${source} does not exist`);
        else if (ignored(path)) report('copy-source', copy.line, `COPY source ${source} is excluded by the .dockerignore`);
      }
    }
  }

  // npm ci needs the lockfile and every workspace manifest, or it refuses to install.
  for (const stage of stages.filter((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\bnpm\s+ci\b/.test(i.args)))) {
    const copied = new Set();
    for (const ancestor of lineage(stage)) {
      for (const instruction of ancestor.instructions) {
        if (instruction.keyword === 'RUN' && /\bnpm\s+ci\b/.test(instruction.args)) break;
        if (instruction.keyword !== 'COPY' || instruction.flags.from) continue;
        for (const source of sourcesOf(instruction).sources) copied.add(source);
      }
    }
    const needed = ['package.json', 'package-lock.json', ...(context.workspaceDirs ?? []).map((dir) => `${dir}/package.json`)];
    const missing = needed.filter((path) => !copied.has(path));
    if (missing.length > 0) report('workspace-manifests', stage.line, `npm ci in stage ${stage.name ?? '?'} without ${missing.join(', ')}`);
  }

  // The runtime stage: each workspace it carries needs its package.json (type: module, exports),
  // its dist, its migrations, and any node_modules the lockfile nests under it.
  const workspace = /--workspace[= ](\S+)/.exec(
    stages.flatMap((s) => s.instructions).find((i) => /\bnpm\s+ci\b/.test(i.args))?.args ?? '',
  )?.[1];
  const finalSources = final.instructions
    .filter((i) => i.keyword === 'COPY' && i.flags.from)
    .flatMap((i) => sourcesOf(i).sources.map((source) => source.replace(/^\/app\//, '')));
  const packages = context.workspacePackages ?? new Map();
  const needed = new Map();
  const visit = (name) => {
    const entry = packages.get(name);
    if (!entry || needed.has(entry.dir)) return;
    needed.set(entry.dir, entry);
    for (const dependency of entry.dependencies) visit(dependency);
  };
  if (workspace) visit(workspace);
  for (const [dir, entry] of needed) {
    if (!finalSources.includes(`${dir}/package.json`))
      report('runtime-files', final.line, `${dir}/package.json is not copied into the runtime stage`);
    const output = { tsc: `${dir}/dist`, next: `${dir}/.next` }[entry.build];
    if (output && !finalSources.includes(output)) report('runtime-files', final.line, `${output} is not copied into the runtime stage`);
    if (context.exists(`${dir}/src/db/migrations`) && !finalSources.includes(`${dir}/src/db/migrations`)) {
      report('runtime-files', final.line, `${dir}/src/db/migrations (read at start) is not copied into the runtime stage`);
    }
    const nested = (context.lockPackages ?? []).some((path) => path.startsWith(`${dir}/node_modules/`));
    if (nested && !finalSources.includes(`${dir}/node_modules`))
      report('runtime-files', final.line, `the lockfile nests packages under ${dir}/node_modules, which is not copied`);
  }
}
