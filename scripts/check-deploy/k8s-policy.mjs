// The platform's rules for rendered Kubernetes manifests: what every Deployment must carry (probes,
// resources, a locked-down security context), the objects around it (Service, autoscaler, disruption
// budget, network policy), references that resolve, only variables the apps read, hosts that agree.
import { unknownVariables } from './app-env.mjs';
import { parseImage, podSpecsOf } from './kustomize.mjs';

const UNITS = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

export function quantityValue(quantity) {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(String(quantity));
  if (!match) return NaN;
  return Number(match[1]) * (match[2] === '' ? 1 : (UNITS[match[2]] ?? NaN));
}

function selects(selector, labels) {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value) && Object.keys(selector ?? {}).length > 0;
}

/**
 * Problems of one rendered kustomization. `variables` maps app → variables it reads; `documentedSecrets`
 * is the operations guide's text (each referenced Secret and key must be explained there);
 * `expectNamespace` is set for overlays.
 */
export function kubernetesPolicyProblems(objects, { variables, operationsGuide = '', expectNamespace = false }) {
  const problems = [];
  const of = (kind) => objects.filter((object) => object.kind === kind);
  const configMaps = new Map(of('ConfigMap').map((object) => [object.metadata.name, object.data ?? {}]));
  const services = of('Service');
  const deployments = of('Deployment');
  const secretKeys = new Map();

  for (const object of objects) {
    const id = `${object.kind}/${object.metadata.name}`;
    if (object.kind === 'Secret')
      problems.push(`${id}: Secrets are never part of the manifests (create them in the cluster; docs/operations.md)`);
    if (object.kind !== 'Namespace' && !object.metadata.labels?.['app.kubernetes.io/part-of'])
      problems.push(`${id}: no app.kubernetes.io/part-of label`);
  }

  for (const deployment of deployments) {
    const id = `Deployment/${deployment.metadata.name}`;
    const template = deployment.spec.template;
    const labels = template.metadata?.labels ?? {};
    const [spec] = podSpecsOf(deployment);
    if (!selects(deployment.spec.selector?.matchLabels, labels)) problems.push(`${id}: the selector does not select its own pods`);
    if (spec.automountServiceAccountToken !== false)
      problems.push(`${id}: automountServiceAccountToken must be false (the apps never call the API server)`);
    const podSecurity = spec.securityContext ?? {};
    if (podSecurity.runAsNonRoot !== true) problems.push(`${id}: securityContext.runAsNonRoot must be true`);
    if (!(Number.isInteger(podSecurity.runAsUser) && podSecurity.runAsUser > 0))
      problems.push(`${id}: securityContext.runAsUser must be a non-root UID`);
    if (podSecurity.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${id}: securityContext.seccompProfile must be RuntimeDefault`);

    const hpa = of('HorizontalPodAutoscaler').find(
      (object) => object.spec.scaleTargetRef.kind === 'Deployment' && object.spec.scaleTargetRef.name === deployment.metadata.name,
    );
    if (!hpa) problems.push(`${id}: no HorizontalPodAutoscaler`);
    else {
      if (deployment.spec.replicas !== undefined)
        problems.push(`${id}: replicas is set, but the autoscaler owns the count (every apply would reset it)`);
      if (!(hpa.spec.minReplicas >= 1 && hpa.spec.minReplicas <= hpa.spec.maxReplicas))
        problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: needs 1 ≤ minReplicas ≤ maxReplicas`);
    }
    const pdb = of('PodDisruptionBudget').find((object) => selects(object.spec.selector?.matchLabels, labels));
    if (!pdb) problems.push(`${id}: no PodDisruptionBudget selects its pods`);
    else if (pdb.spec.minAvailable !== undefined && hpa && String(pdb.spec.minAvailable) === String(hpa.spec.minReplicas)) {
      problems.push(`PodDisruptionBudget/${pdb.metadata.name}: minAvailable equals minReplicas: no node could ever be drained`);
    }
    if (!of('NetworkPolicy').some((object) => selects(object.spec.podSelector?.matchLabels, labels)))
      problems.push(`${id}: no NetworkPolicy of its own`);
    const service = services.find((object) => selects(object.spec.selector, labels));
    if (!service) problems.push(`${id}: no Service selects its pods`);

    for (const container of spec.containers) {
      const where = `${id} container ${container.name}`;
      const app = container.name;
      const ports = container.ports ?? [];
      const portNamed = (name) => ports.find((port) => port.name === name);
      const resolves = (port) =>
        typeof port === 'string' ? portNamed(port) !== undefined : ports.some((candidate) => candidate.containerPort === port);

      const image = parseImage(container.image ?? '');
      if (!image.digest && (!image.tag || image.tag === 'latest')) problems.push(`${where}: image ${container.image} has no pinned tag`);

      for (const kind of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory'])
          if (container.resources?.[kind]?.[resource] === undefined) problems.push(`${where}: resources.${kind}.${resource} missing`);
      }
      for (const resource of ['cpu', 'memory']) {
        const request = quantityValue(container.resources?.requests?.[resource]);
        const limit = quantityValue(container.resources?.limits?.[resource]);
        if (request > limit) problems.push(`${where}: ${resource} request above its limit`);
      }

      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const definition = container[probe];
        if (!definition) {
          problems.push(`${where}: no ${probe}`);
          continue;
        }
        const port = definition.httpGet?.port ?? definition.tcpSocket?.port ?? definition.grpc?.port;
        if (port !== undefined && !resolves(port)) problems.push(`${where}: ${probe} port ${port} is not a container port`);
      }
      const grpcPort = portNamed('grpc');
      if (grpcPort && container.readinessProbe?.grpc?.port !== grpcPort.containerPort) {
        problems.push(`${where}: readiness must be the gRPC health check (grpc.health.v1) on port ${grpcPort.containerPort}`);
      }
      if (container.livenessProbe?.httpGet?.path === '/health/ready')
        problems.push(`${where}: liveness on /health/ready would restart every replica when a dependency is down`);

      const security = container.securityContext ?? {};
      if (security.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation must be false`);
      if (security.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem must be true`);
      if (!(security.capabilities?.drop ?? []).includes('ALL')) problems.push(`${where}: capabilities.drop must include ALL`);
      if (security.privileged) problems.push(`${where}: privileged`);
      if (!(container.volumeMounts ?? []).some((mount) => mount.mountPath === '/tmp'))
        problems.push(`${where}: no writable /tmp (the root filesystem is read-only)`);

      // Configuration: references resolve; every variable is one the app reads; ports and hosts agree.
      const env = {};
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) {
          const data = configMaps.get(source.configMapRef.name);
          if (!data) problems.push(`${where}: ConfigMap ${source.configMapRef.name} is not in the manifests`);
          Object.assign(env, data ?? {});
        }
        if (source.secretRef) problems.push(`${where}: envFrom secretRef hides which variables a Secret sets: use secretKeyRef`);
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref) {
          if (!secretKeys.has(ref.name)) secretKeys.set(ref.name, new Set());
          secretKeys.get(ref.name).add(ref.key);
        }
        env[variable.name] = variable.value ?? (ref ? `<secret ${ref.name}/${ref.key}>` : '');
      }
      problems.push(...unknownVariables(variables, app, Object.keys(env), where));
      for (const [name, value] of Object.entries(env)) {
        if (/_HOST$/.test(name) && /^(127\.0\.0\.1|localhost|::1)$/.test(value))
          problems.push(`${where}: ${name}=${value}: probes and other pods cannot reach a loopback listener`);
      }
      const listenHost = env.GRPC_HOST ?? env.GATEWAY_HOST;
      if ((grpcPort || app === 'gateway') && listenHost !== '0.0.0.0' && listenHost !== '::')
        problems.push(`${where}: set ${grpcPort ? 'GRPC_HOST' : 'GATEWAY_HOST'}=0.0.0.0 (the default 127.0.0.1 is unreachable)`);
      for (const [name, value] of Object.entries(env)) {
        const portName = name === 'OPS_PORT' ? 'ops' : /_GRPC_PORT$/.test(name) ? 'grpc' : name === 'GATEWAY_PORT' ? 'http' : undefined;
        if (portName && portNamed(portName)?.containerPort !== Number(value))
          problems.push(`${where}: ${name}=${value} but container port ${portName} is ${portNamed(portName)?.containerPort}`);
        const target = /^(?:https?:\/\/)?([a-z0-9-]+):(\d+)\/?$/.exec(value);
        const targetService = target && services.find((object) => object.metadata.name === target[1]);
        if (target && !targetService && !target[1].includes('.') && deployments.some((object) => object.metadata.name === target[1])) {
          problems.push(`${where}: ${name} points at ${target[1]}, which has no Service`);
        }
        if (targetService && !targetService.spec.ports.some((port) => port.port === Number(target[2])))
          problems.push(`${where}: ${name}: Service ${target[1]} has no port ${target[2]}`);
      }
      const heap = /--max-old-space-size=(\d+)/.exec(env.NODE_OPTIONS ?? '')?.[1];
      const memoryLimit = quantityValue(container.resources?.limits?.memory);
      if (heap && Number(heap) * 2 ** 20 > 0.8 * memoryLimit)
        problems.push(`${where}: --max-old-space-size=${heap} leaves too little of the ${container.resources.limits.memory} limit`);
      const preStop = Number(container.lifecycle?.preStop?.exec?.command?.[1] ?? container.lifecycle?.preStop?.sleep?.seconds ?? 0);
      const drain = Number(env.SHUTDOWN_GRACE_MS ?? 15_000) / 1000;
      if ((spec.terminationGracePeriodSeconds ?? 30) <= preStop + drain)
        problems.push(`${where}: terminationGracePeriodSeconds must exceed preStop (${preStop}s) + the drain (${drain}s)`);
    }
  }

  for (const service of services) {
    const pods = deployments.filter((deployment) => selects(service.spec.selector, deployment.spec.template.metadata?.labels ?? {}));
    if (pods.length === 0) problems.push(`Service/${service.metadata.name}: selects no Deployment`);
    for (const port of service.spec.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const ok = pods.every((deployment) =>
        podSpecsOf(deployment)[0].containers.some((container) =>
          (container.ports ?? []).some((candidate) =>
            typeof target === 'string' ? candidate.name === target : candidate.containerPort === target,
          ),
        ),
      );
      if (!ok) problems.push(`Service/${service.metadata.name}: targetPort ${target} is not a container port`);
    }
  }

  for (const [name, keys] of secretKeys) {
    if (!operationsGuide.includes(name)) problems.push(`Secret ${name} is referenced but not documented in docs/operations.md`);
    for (const key of keys)
      if (!new RegExp(`\\b${key}\\b`).test(operationsGuide))
        problems.push(`Secret ${name} key ${key} is not documented in docs/operations.md`);
  }

  problems.push(...ingressProblems(objects, configMaps, expectNamespace));
  if (expectNamespace) problems.push(...namespaceProblems(objects));
  return { problems, secrets: secretKeys };
}

function ingressProblems(objects, configMaps, strict) {
  const problems = [];
  const services = new Map(objects.filter((object) => object.kind === 'Service').map((object) => [object.metadata.name, object]));
  const hostOf = new Map();
  for (const ingress of objects.filter((object) => object.kind === 'Ingress')) {
    const id = `Ingress/${ingress.metadata.name}`;
    const tlsHosts = new Set((ingress.spec.tls ?? []).flatMap((tls) => tls.hosts ?? []));
    for (const rule of ingress.spec.rules ?? []) {
      if (!tlsHosts.has(rule.host)) problems.push(`${id}: host ${rule.host} has no TLS`);
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service;
        const service = services.get(backend?.name);
        if (!service) problems.push(`${id}: backend ${backend?.name} is not a Service`);
        else if (
          !service.spec.ports.some((port) => (backend.port.name ? port.name === backend.port.name : port.port === backend.port.number))
        ) {
          problems.push(`${id}: Service ${backend.name} has no port ${backend.port.name ?? backend.port.number}`);
        } else hostOf.set(backend.name, rule.host);
      }
    }
  }
  // Public URLs the apps are told must be the ones the ingress serves (links in emails, CORS, RFC 8058).
  const settings = Object.assign({}, ...configMaps.values());
  const expectations = [
    ['WEB_URL', 'web'],
    ['API_PUBLIC_URL', 'gateway'],
  ];
  for (const [variable, service] of expectations) {
    const value = settings[variable];
    if (!value || !hostOf.has(service)) continue;
    const url = new URL(value);
    if (url.host !== hostOf.get(service))
      problems.push(`${variable}=${value} is not the ingress host of ${service} (${hostOf.get(service)})`);
    if (strict && url.protocol !== 'https:') problems.push(`${variable}=${value} must be https`);
  }
  if (settings.CORS_ORIGINS && hostOf.has('web')) {
    const origins = settings.CORS_ORIGINS.split(',').map((origin) => new URL(origin.trim()).origin);
    if (!origins.includes(`https://${hostOf.get('web')}`))
      problems.push(`CORS_ORIGINS=${settings.CORS_ORIGINS} does not allow https://${hostOf.get('web')}`);
  }
  return problems;
}

function namespaceProblems(objects) {
  const problems = [];
  const namespaces = objects.filter((object) => object.kind === 'Namespace');
  if (namespaces.length !== 1) return [`expected one Namespace, found ${namespaces.length}`];
  const [namespace] = namespaces;
  if (namespace.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted')
    problems.push(`Namespace/${namespace.metadata.name}: enforce the restricted Pod Security Standard`);
  for (const object of objects) {
    if (object.kind !== 'Namespace' && object.metadata.namespace !== namespace.metadata.name)
      problems.push(`${object.kind}/${object.metadata.name}: not in namespace ${namespace.metadata.name}`);
  }
  return problems;
}
