// The environment variables each deployable app reads, taken from its config.ts (the one reader of
// process.env per app, CONVENTIONS §5), so deployment files cannot set a variable nobody reads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deployable apps: the directory each is built from. */
export const APPS = {
  web: 'apps/web',
  gateway: 'apps/gateway',
  'auth-service': 'apps/auth-service',
  'user-service': 'apps/user-service',
  'project-service': 'apps/project-service',
  'comms-service': 'apps/comms-service',
  'smtp-inbox': 'dev/smtp-inbox',
  'payment-sandbox': 'dev/payment-sandbox',
};

/** Read by Node.js or Next.js themselves rather than by an app's config. */
const RUNTIME_VARIABLES = ['NODE_ENV', 'NODE_OPTIONS', 'TZ'];
const NEXT_VARIABLES = ['NEXT_TELEMETRY_DISABLED', 'PORT', 'HOSTNAME'];

/** Upper-case keys of the zod schema (`  NAME: z…`) and `env.NAME` reads. */
export function variablesIn(source) {
  const names = new Set();
  for (const match of source.matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)) names.add(match[1]);
  for (const match of source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)) names.add(match[1]);
  return names;
}

/** app name → the variables it reads. */
export function appVariables(root) {
  const serviceEnvFile = join(root, 'packages/platform/src/config/service-env.ts');
  const serviceEnv = existsSync(serviceEnvFile) ? variablesIn(readFileSync(serviceEnvFile, 'utf8')) : new Set();
  const result = new Map();
  for (const [app, dir] of Object.entries(APPS)) {
    const file = join(root, dir, 'src/config.ts');
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    const names = variablesIn(source);
    if (source.includes('...serviceEnv')) for (const name of serviceEnv) names.add(name);
    for (const name of RUNTIME_VARIABLES) names.add(name);
    if (app === 'web') for (const name of NEXT_VARIABLES) names.add(name);
    result.set(app, names);
  }
  return result;
}

/** Problems for variables `app` does not read. */
export function unknownVariables(variables, app, names, where) {
  const known = variables.get(app);
  if (!known) return [`${where}: ${app} is not a known app (${Object.keys(APPS).join(', ')})`];
  return names.filter((name) => !known.has(name)).map((name) => `${where}: ${name} is not read by ${app} (see ${APPS[app]}/src/config.ts)`);
}
