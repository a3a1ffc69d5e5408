import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDeploy } from '../check-deploy.mjs';
import { appVariables } from './app-env.mjs';
import { composePolicyProblems, interpolate } from './compose.mjs';
import { dockerignoreMatcher, lintDockerfile } from './dockerfile.mjs';
import { kubernetesPolicyProblems } from './k8s-policy.mjs';
import { structuralProblems } from './k8s-schema.mjs';
import { applyJsonPatch } from './kustomize-patch.mjs';
import { configMapHash, renderKustomization } from './kustomize.mjs';
import { allowedEdges, cidrContains, networkPolicyProblems } from './network-policy.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'check-deploy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(scratch, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const rulesOf = (problems: string[]) => problems.map((problem) => /\[([a-z-]+)\]/.exec(problem)?.[1]);

const goodDockerfile = `# syntax=docker/dockerfile:1
ARG NODE_IMAGE=node:20.20.2-bookworm-slim
FROM \${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
FROM build AS prod-deps
RUN npm ci --omit=dev
FROM \${NODE_IMAGE}
ENV APP_PORT=8080
COPY --from=prod-deps /app/node_modules node_modules
USER 1000:1000
EXPOSE 8080
HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]
CMD ["node", "main.js"]
`;

describe('Dockerfile rules', () => {
  it('accept a pinned, multi-stage, non-root image with production dependencies', () => {
    expect(lintDockerfile(goodDockerfile, { nodeMajor: 20 })).toEqual([]);
  });

  it.each([
    ['no-latest', goodDockerfile.replace('node:20.20.2-bookworm-slim', 'node:latest')],
    ['pinned-base', goodDockerfile.replace('node:20.20.2-bookworm-slim', 'node')],
    ['pinned-base', goodDockerfile.replace('node:20.20.2-bookworm-slim', 'node:20-bookworm-slim')],
    ['node-version', goodDockerfile.replace('node:20.20.2-bookworm-slim', 'node:22.1.0-bookworm-slim')],
    ['small-base', goodDockerfile.replace('node:20.20.2-bookworm-slim', 'node:20.20.2-bookworm')],
    ['npm-ci', goodDockerfile.replace('RUN npm ci\n', 'RUN npm install\n')],
    ['prod-deps', goodDockerfile.replace('--from=prod-deps', '--from=build')],
    ['non-root', goodDockerfile.replace('USER 1000:1000\n', '')],
    ['non-root', goodDockerfile.replace('USER 1000:1000', 'USER root')],
    ['numeric-user', goodDockerfile.replace('USER 1000:1000', 'USER node')],
    ['healthcheck', goodDockerfile.replace(/HEALTHCHECK .*\n/, '')],
    ['exec-form', goodDockerfile.replace('CMD ["node", "main.js"]', 'CMD node main.js')],
    ['no-add', goodDockerfile.replace('COPY package.json', 'ADD package.json')],
    ['expose', goodDockerfile.replace('EXPOSE 8080', 'EXPOSE 9090')],
    ['apt-recommends', goodDockerfile.replace('RUN npm ci\n', 'RUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN npm ci\n')],
    ['pipe-to-shell', goodDockerfile.replace('RUN npm ci\n', 'RUN curl -fsSL https://example.com/x.sh | sh\nRUN npm ci\n')],
  ])('flag %s', (rule, text) => {
    expect(rulesOf(lintDockerfile(text, { nodeMajor: 20 }))).toContain(rule);
  });

  it('flag a single-stage image', () => {
    const single = 'FROM node:20.20.2-bookworm-slim\nRUN npm ci --omit=dev\nUSER 1000\nHEALTHCHECK CMD ["true"]\nCMD ["node", "x.js"]\n';
    expect(rulesOf(lintDockerfile(single))).toEqual(['multi-stage']);
  });

  it('flag ENV variables the app does not read', () => {
    expect(rulesOf(lintDockerfile(goodDockerfile, { knownVariables: new Set(['NODE_ENV']) }))).toEqual(['known-env']);
  });

  it('join continued lines and ignore comments inside them', () => {
    const text = goodDockerfile.replace('RUN npm ci --omit=dev', 'RUN npm ci \\\n    # production only\n    --omit=dev');
    expect(lintDockerfile(text)).toEqual([]);
  });

  it('hold a monorepo image to its workspaces, manifests and runtime files', () => {
    const dockerfile = `FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
RUN npm ci --workspace=@x/api
COPY apps/api apps/api
FROM build AS prod
RUN npm ci --workspace=@x/api --omit=dev
FROM node:20.20.2-bookworm-slim
COPY --from=prod /app/node_modules node_modules
COPY --from=build /app/apps/api/dist apps/api/dist
USER 1000
HEALTHCHECK CMD ["true"]
CMD ["node", "apps/api/dist/main.js"]
`;
    const files = new Set([
      'package.json',
      'package-lock.json',
      'apps/api/package.json',
      'apps/api',
      'apps/api/tsconfig.json',
      'apps/api/src/db/migrations',
    ]);
    const problems = lintDockerfile(dockerfile, {
      exists: (path: string) => files.has(path),
      dockerignore: '*\n!package.json\n!package-lock.json\n!apps/*/package.json\n!apps/api\n**/node_modules\n**/dist\n',
      workspaceDirs: ['apps/api', 'packages/lib'],
      workspacePackages: new Map([
        ['@x/api', { dir: 'apps/api', build: 'tsc', dependencies: ['@x/lib'] }],
        ['@x/lib', { dir: 'packages/lib', build: 'tsc', dependencies: [] }],
      ]),
      lockPackages: ['', 'node_modules/zod', 'apps/api/node_modules/zod'],
    });
    expect(problems.join('\n')).toContain('without packages/lib/package.json');
    expect(problems.join('\n')).toContain('apps/api/package.json is not copied');
    expect(problems.join('\n')).toContain('packages/lib/dist is not copied');
    expect(problems.join('\n')).toContain('apps/api/src/db/migrations (read at start) is not copied');
    expect(problems.join('\n')).toContain('nests packages under apps/api/node_modules');
  });

  it('read .dockerignore like Docker: last match wins, parents count', () => {
    const ignored = dockerignoreMatcher('*\n!package.json\n!apps/*/package.json\n!apps/web\n**/node_modules\n**/dist\n');
    expect(ignored('package.json')).toBe(false);
    expect(ignored('README.md')).toBe(true);
    expect(ignored('apps/mobile/package.json')).toBe(false);
    expect(ignored('apps/mobile/src/index.ts')).toBe(true);
    expect(ignored('apps/web/src/app/page.tsx')).toBe(false);
    expect(ignored('apps/web/node_modules/next/package.json')).toBe(true);
    expect(ignored('apps/web/dist/x.js')).toBe(true);
  });
});

describe('Kustomize renderer', () => {
  it('hashes a ConfigMap exactly as kustomize 5 does (Go JSON escaping, empty name)', () => {
    // `kubectl kustomize` (kustomize v5.5.0) names this ConfigMap pre-abc-kh7f5d858d.
    expect(configMapHash({ metadata: { name: 'pre-abc' }, data: { A: '1', B: '<x&y>' } })).toBe('kh7f5d858d');
  });

  it('renders resources, generators, patches, namespace, labels and images', () => {
    write(
      'k/base/kustomization.yaml',
      `resources: [app.yaml]
labels:
  - pairs: { team: platform }
    includeTemplates: true
configMapGenerator:
  - name: app-config
    envs: [app.env]
`,
    );
    write('k/base/app.env', 'A=1\n# comment\nB=two words\n');
    write(
      'k/base/app.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: app }
spec:
  selector: { matchLabels: { app: app } }
  template:
    metadata: { labels: { app: app } }
    spec:
      containers:
        - name: app
          image: example/app:1.0.0
          envFrom: [{ configMapRef: { name: app-config } }]
          resources: { requests: { cpu: 100m } }
        - name: sidecar
          image: example/sidecar:2.0.0
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: app }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: app }
  minReplicas: 2
  maxReplicas: 4
`,
    );
    write(
      'k/overlay/kustomization.yaml',
      `namespace: prod
namePrefix: x-
resources: [../base]
images:
  - { name: example/app, newName: registry.example.com/app, newTag: 1.1.0 }
configMapGenerator:
  - name: app-config
    behavior: merge
    literals: [B=three]
patches:
  - target: { kind: HorizontalPodAutoscaler }
    patch: |-
      - op: replace
        path: /spec/maxReplicas
        value: 9
  - path: resources.yaml
`,
    );
    write(
      'k/overlay/resources.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: app }
spec:
  template:
    spec:
      containers:
        - name: app
          resources: { limits: { memory: 1Gi } }
`,
    );
    const objects = renderKustomization(join(scratch, 'k/overlay'));
    const configMap = objects.find((object) => object.kind === 'ConfigMap');
    const deployment = objects.find((object) => object.kind === 'Deployment');
    const hpa = objects.find((object) => object.kind === 'HorizontalPodAutoscaler');
    expect(configMap.data).toEqual({ A: '1', B: 'three' });
    expect(configMap.metadata.name).toBe(`x-app-config-${configMapHash(configMap)}`);
    expect(configMap.metadata.namespace).toBe('prod');
    expect(deployment.metadata.name).toBe('x-app');
    expect(deployment.metadata.labels).toEqual({ team: 'platform' });
    expect(deployment.spec.template.metadata.labels).toEqual({ app: 'app', team: 'platform' });
    expect(deployment.spec.selector.matchLabels).toEqual({ app: 'app' });
    const [app, sidecar] = deployment.spec.template.spec.containers;
    expect(app.image).toBe('registry.example.com/app:1.1.0');
    expect(sidecar.image).toBe('example/sidecar:2.0.0');
    expect(app.resources).toEqual({ requests: { cpu: '100m' }, limits: { memory: '1Gi' } });
    expect(app.envFrom[0].configMapRef.name).toBe(configMap.metadata.name);
    expect(hpa.spec).toMatchObject({ maxReplicas: 9, scaleTargetRef: { name: 'x-app' } });
  });

  it('refuses Kustomize features outside its subset instead of ignoring them', () => {
    write('k/unsupported/kustomization.yaml', 'resources: []\nreplacements: []\n');
    expect(() => renderKustomization(join(scratch, 'k/unsupported'))).toThrow(/not in the supported Kustomize subset: replacements/);
  });

  it('applies RFC 6902 operations', () => {
    const patched = applyJsonPatch({ a: [1, 2], b: { 'c/d': 1 } }, [
      { op: 'add', path: '/a/-', value: 3 },
      { op: 'remove', path: '/b/c~1d' },
      { op: 'add', path: '/b/e', value: true },
    ]);
    expect(patched).toEqual({ a: [1, 2, 3], b: { e: true } });
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(/test failed/);
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }])).toThrow(/no value/);
  });
});

describe('Kubernetes checks', () => {
  const base = renderKustomization(join(root, 'deploy/k8s/base'));
  const variables = appVariables(root);
  const clone = () => JSON.parse(JSON.stringify(base));
  const deployment = (objects: any[], name: string) =>
    objects.find((object) => object.kind === 'Deployment' && object.metadata.name === name);

  it('find no unknown, mistyped or missing fields in the base', () => {
    expect(base.flatMap((object) => structuralProblems(object))).toEqual([]);
  });

  it('catch a misspelt field, a missing required one and a probe with two handlers', () => {
    const objects = clone();
    const container = deployment(objects, 'gateway').spec.template.spec.containers[0];
    container.readinesProbe = container.readinessProbe;
    container.livenessProbe.tcpSocket = { port: 8080 };
    delete deployment(objects, 'web').spec.selector;
    const problems = objects.flatMap((object: any) => structuralProblems(object)).join('\n');
    expect(problems).toContain('readinesProbe: unknown field');
    expect(problems).toContain('spec.selector: required');
    expect(problems).toContain('livenessProbe: exactly one of exec, httpGet, tcpSocket, grpc (found 2)');
  });

  it('hold every workload to probes, resources, security and configuration rules', () => {
    const objects = clone();
    const auth = deployment(objects, 'auth-service').spec.template.spec;
    delete auth.containers[0].livenessProbe;
    auth.containers[0].readinessProbe = { httpGet: { path: '/health/ready', port: 'ops' } };
    auth.containers[0].securityContext.readOnlyRootFilesystem = false;
    delete auth.containers[0].resources.limits;
    auth.containers[0].env.push({ name: 'AUTH_DB_URL', value: 'postgres://x' });
    const config = objects.find(
      (object: any) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('user-service-config'),
    ).data;
    config.GRPC_HOST = '127.0.0.1';
    const problems = kubernetesPolicyProblems(objects, { variables, operationsGuide: '' }).problems.join('\n');
    expect(problems).toContain('auth-service: no livenessProbe');
    expect(problems).toContain('readiness must be the gRPC health check (grpc.health.v1) on port 50051');
    expect(problems).toContain('readOnlyRootFilesystem must be true');
    expect(problems).toContain('resources.limits.memory missing');
    expect(problems).toContain('AUTH_DB_URL is not read by auth-service');
    expect(problems).toContain('user-service: GRPC_HOST=127.0.0.1');
    expect(problems).toContain('Secret project-service-secrets is referenced but not documented');
  });

  it('allow exactly the container diagram’s arrows', () => {
    expect(networkPolicyProblems(base, 'default')).toEqual([]);
    const edges = allowedEdges(base, 'default');
    expect(edges).toContain('web → gateway:8080');
    expect(edges).not.toContain('web → auth-service:50051');
    expect(edges).not.toContain('gateway → postgresql/msp-auth-db:5432');
    expect(edges).not.toContain('auth-service → postgresql/msp-user-db:5432');
    expect(edges).not.toContain('comms-service → redis:6379');
    expect(edges).not.toContain('project-service → cloud-metadata:443');
    expect(edges).not.toContain('other-pod → gateway:8080');
  });

  it('report an arrow the diagram does not have, and one it misses', () => {
    const objects = clone();
    const gateway = objects.find((object: any) => object.kind === 'NetworkPolicy' && object.metadata.name === 'gateway');
    gateway.spec.egress.push({ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'auth-service' } } }] });
    const auth = objects.find((object: any) => object.kind === 'NetworkPolicy' && object.metadata.name === 'auth-service');
    delete auth.spec.ingress[0].ports;
    const web = objects.find((object: any) => object.kind === 'NetworkPolicy' && object.metadata.name === 'web');
    web.spec.egress = [];
    const problems = networkPolicyProblems(objects, 'default');
    expect(problems).toContain('NetworkPolicy: gateway → auth-service:9051 is allowed, but no arrow of the diagram needs it');
    expect(problems).toContain('NetworkPolicy: web → gateway:8080 is not allowed, but the diagram needs it');
  });

  it('match addresses against CIDR blocks', () => {
    expect(cidrContains('10.0.0.0/8', '10.20.30.40')).toBe(true);
    expect(cidrContains('0.0.0.0/0', '203.0.113.10')).toBe(true);
    expect(cidrContains('169.254.0.0/16', '203.0.113.10')).toBe(false);
  });
});

describe('compose checks', () => {
  it('interpolate like docker compose', () => {
    const env = { SET: 'x', EMPTY: '' };
    expect(interpolate('${SET}-${UNSET:-d}-${EMPTY:-d}-${EMPTY-d}-$$HOME-${SET:+alt}', env)).toBe('x-d-d--$HOME-alt');
    expect(() => interpolate('${EMPTY:?set it}', env)).toThrow(/EMPTY is missing: set it/);
    expect(interpolate({ a: ['${SET}'], b: 1 }, env)).toEqual({ a: ['x'], b: 1 });
  });

  it('flag a dependency waited on as healthy that has no health check, and unknown variables', () => {
    const file = write('compose/docker-compose.yml', '');
    write('compose/docker/gateway.Dockerfile', 'FROM node:20.20.2-bookworm-slim\nEXPOSE 8080\nCMD ["node", "x.js"]\n');
    const project = {
      services: {
        redis: { image: 'redis:7.4.2-bookworm' },
        gateway: {
          build: { context: '.', dockerfile: 'docker/gateway.Dockerfile' },
          read_only: true,
          cap_drop: ['ALL'],
          security_opt: ['no-new-privileges:true'],
          environment: { REDIS_URL: 'redis://redis:6380', GATEWAY_PROT: '8080' },
          depends_on: { redis: { condition: 'service_healthy' } },
        },
      },
    };
    const problems = composePolicyProblems(project, { file, variables: appVariables(root) }).join('\n');
    expect(problems).toContain('depends_on.redis: waits for health, but it has no health check');
    expect(problems).toContain('GATEWAY_PROT is not read by gateway');
    expect(problems).toContain('redis does not listen on 6380');
    expect(problems).toContain('services: web is missing');
  });
});

describe('the repository’s deployment files', () => {
  it('pass every check, with the built-in renderer alone', async () => {
    const sections = await checkDeploy({ root, kustomize: undefined });
    const failures = sections.flatMap((section) => section.checks.flatMap((check) => check.problems));
    expect(failures).toEqual([]);
    expect(sections.flatMap((section) => section.checks).length).toBeGreaterThan(15);
  });
});
