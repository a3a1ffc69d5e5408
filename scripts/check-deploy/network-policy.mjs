// Which connections the rendered NetworkPolicies allow, worked out the way Kubernetes does (a pod
// selected by any policy of a type is isolated for that type; peers, ports and named ports as in the
// API), between the platform's pods and stand-ins for everything around them. check-deploy compares
// the result with the container diagram's arrows, both ways: nothing missing, nothing extra.
import { isPlainObject } from './yaml.mjs';

/** App-to-app arrows of the container diagram (docs/ARCHITECTURE.md), by destination port. */
export const EXPECTED_APP_EDGES = [
  'web → gateway:8080',
  'gateway → auth-service:50051',
  'gateway → user-service:50052',
  'gateway → project-service:50053',
  'gateway → comms-service:50054',
  // Registration creates the profile over gRPC (docs/decisions/0003-registration-order.md).
  'auth-service → user-service:50052',
];

/** Each app's data stores: its own PostgreSQL, and Redis and RabbitMQ where the diagram (or the code) uses them. */
export const EXPECTED_DATA_EDGES = [
  'auth-service → postgresql/msp-auth-db:5432',
  'user-service → postgresql/msp-user-db:5432',
  'project-service → postgresql/msp-project-db:5432',
  'comms-service → postgresql/msp-comms-db:5432',
  'auth-service → redis:6379',
  'user-service → redis:6379',
  'project-service → redis:6379',
  // Rate limits and revoked sessions are shared by every gateway through Redis.
  'gateway → redis:6379',
  'auth-service → rabbitmq:5672',
  'user-service → rabbitmq:5672',
  'project-service → rabbitmq:5672',
  'comms-service → rabbitmq:5672',
];

/** The external systems: the Payment Gateway over HTTPS, the Email System over SMTP. */
export const EXPECTED_EXTERNAL_EDGES = [
  'project-service → internet:443',
  'comms-service → internet:25',
  'comms-service → internet:465',
  'comms-service → internet:587',
];

export const EXPECTED_INGRESS_EDGES = ['ingress-controller → web:3000', 'ingress-controller → gateway:8080'];

const DATA_NAMESPACE = { name: 'data', labels: { 'kubernetes.io/metadata.name': 'data' } };
const STAND_INS = [
  ...['msp-auth-db', 'msp-user-db', 'msp-project-db', 'msp-comms-db'].map((instance) => ({
    id: `postgresql/${instance}`,
    namespace: DATA_NAMESPACE,
    labels: { 'app.kubernetes.io/name': 'postgresql', 'app.kubernetes.io/instance': instance },
    ports: [{ port: 5432, protocol: 'TCP' }],
  })),
  { id: 'redis', namespace: DATA_NAMESPACE, labels: { 'app.kubernetes.io/name': 'redis' }, ports: [{ port: 6379, protocol: 'TCP' }] },
  { id: 'rabbitmq', namespace: DATA_NAMESPACE, labels: { 'app.kubernetes.io/name': 'rabbitmq' }, ports: [{ port: 5672, protocol: 'TCP' }] },
  {
    id: 'kube-dns',
    namespace: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    labels: { 'k8s-app': 'kube-dns' },
    ports: [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ],
  },
  {
    id: 'ingress-controller',
    namespace: { name: 'ingress-nginx', labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
    labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    ports: [],
  },
];
const EXTERNAL = [
  { id: 'internet', ip: '203.0.113.10' },
  { id: 'private-network', ip: '10.20.30.40' },
  { id: 'cloud-metadata', ip: '169.254.169.254' },
];
const EXTERNAL_PORTS = [25, 80, 443, 465, 587, 5432, 6379];

export function selectorMatches(selector, labels) {
  if (!isPlainObject(selector)) return false;
  const matchLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const expressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return key in labels && values.includes(labels[key]);
    if (operator === 'NotIn') return !(key in labels) || !values.includes(labels[key]);
    if (operator === 'Exists') return key in labels;
    return !(key in labels);
  });
  return matchLabels && expressions;
}

function ipToNumber(ip) {
  return ip.split('.').reduce((total, part) => total * 256 + Number(part), 0);
}

export function cidrContains(cidr, ip) {
  if (cidr.includes(':') || ip.includes(':')) return false;
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToNumber(base) / size) * size;
  const value = ipToNumber(ip);
  return value >= start && value < start + size;
}

/** Whether `peer` (a from/to entry of a policy in `policyNamespace`) covers `endpoint`. */
function peerMatches(peer, endpoint, policyNamespace) {
  if (peer.ipBlock)
    return (
      endpoint.ip !== undefined &&
      cidrContains(peer.ipBlock.cidr, endpoint.ip) &&
      !(peer.ipBlock.except ?? []).some((cidr) => cidrContains(cidr, endpoint.ip))
    );
  if (endpoint.ip !== undefined) return false;
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, endpoint.namespace.labels)
    : endpoint.namespace.name === policyNamespace;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, endpoint.labels) : true;
  return namespaceOk && podOk;
}

function portMatches(rulePorts, port, destination) {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((rule) => {
    if ((rule.protocol ?? 'TCP') !== port.protocol) return false;
    if (rule.port === undefined) return true;
    if (typeof rule.port === 'string')
      return (destination.ports ?? []).some((candidate) => candidate.name === rule.port && candidate.port === port.port);
    return rule.endPort ? port.port >= rule.port && port.port <= rule.endPort : rule.port === port.port;
  });
}

function typesOf(policy) {
  return policy.spec.policyTypes ?? ['Ingress', ...(policy.spec.egress ? ['Egress'] : [])];
}

/** Allowed by the policies of the source's namespace (egress) and of the destination's (ingress). */
function allowed(policies, source, destination, port) {
  const direction = (pod, type, peer, rules, portOwner) => {
    const selecting = policies.filter(
      (policy) =>
        policy.namespace === pod.namespace.name && selectorMatches(policy.spec.podSelector, pod.labels) && typesOf(policy).includes(type),
    );
    if (selecting.length === 0) return true;
    return selecting.some((policy) =>
      (policy.spec[rules] ?? []).some(
        (rule) =>
          (rule[type === 'Egress' ? 'to' : 'from'] ?? [{}]).some((entry) =>
            Object.keys(entry).length === 0 ? true : peerMatches(entry, peer, policy.namespace),
          ) && portMatches(rule.ports, port, portOwner),
      ),
    );
  };
  const egress = source.ip !== undefined || direction(source, 'Egress', destination, 'egress', destination);
  const ingress = destination.ip !== undefined || direction(destination, 'Ingress', source, 'ingress', destination);
  return egress && ingress;
}

/**
 * Every allowed connection, as `source → destination:port` (UDP marked), between the apps' pods (from
 * the Deployments), an unrelated pod of the same namespace, and the stand-ins around them.
 */
export function allowedEdges(objects, namespace = 'default') {
  const ns = (object) => object.metadata.namespace ?? namespace;
  const policies = objects
    .filter((object) => object.kind === 'NetworkPolicy')
    .map((object) => ({ namespace: ns(object), spec: object.spec }));
  const appNamespace = (name) => ({ name, labels: { 'kubernetes.io/metadata.name': name } });
  const pods = objects
    .filter((object) => object.kind === 'Deployment')
    .map((object) => ({
      id: object.metadata.name,
      namespace: appNamespace(ns(object)),
      labels: object.spec.template.metadata?.labels ?? {},
      ports: object.spec.template.spec.containers.flatMap((container) =>
        (container.ports ?? []).map((port) => ({ name: port.name, port: port.containerPort, protocol: port.protocol ?? 'TCP' })),
      ),
    }));
  const intruder = {
    id: 'other-pod',
    namespace: appNamespace(pods[0]?.namespace.name ?? namespace),
    labels: { 'app.kubernetes.io/name': 'other' },
    ports: [{ port: 8080, protocol: 'TCP' }],
  };
  const sources = [...pods, intruder, ...STAND_INS.filter((stand) => stand.id === 'ingress-controller')];
  const destinations = [...pods, intruder, ...STAND_INS.filter((stand) => stand.id !== 'ingress-controller')];
  const edges = new Set();
  for (const source of sources) {
    // Connections between two outsiders are not this namespace's policies' business.
    const outsider = !pods.includes(source) && source !== intruder;
    for (const destination of destinations) {
      if (destination === source || (outsider && !pods.includes(destination) && destination !== intruder)) continue;
      for (const port of destination.ports) {
        if (allowed(policies, source, destination, port))
          edges.add(`${source.id} → ${destination.id}:${port.port}${port.protocol === 'UDP' ? '/udp' : ''}`);
      }
    }
    for (const external of outsider ? [] : EXTERNAL) {
      for (const port of EXTERNAL_PORTS) {
        if (allowed(policies, source, external, { port, protocol: 'TCP' })) edges.add(`${source.id} → ${external.id}:${port}`);
      }
    }
  }
  return edges;
}

/** Problems: arrows the policies miss or allow beyond the diagram (DNS over TCP/UDP 53 is expected for every pod). */
export function networkPolicyProblems(objects, namespace) {
  const problems = [];
  const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
  const denyAll = policies.some(
    (policy) =>
      Object.keys(policy.spec.podSelector ?? {}).length === 0 &&
      ['Ingress', 'Egress'].every((type) => (policy.spec.policyTypes ?? []).includes(type)) &&
      !policy.spec.ingress &&
      !policy.spec.egress,
  );
  if (!denyAll) problems.push('NetworkPolicy: no default-deny policy (podSelector {} with policyTypes Ingress and Egress and no rules)');
  const edges = allowedEdges(objects, namespace);
  const apps = objects.filter((object) => object.kind === 'Deployment').map((object) => object.metadata.name);
  const expected = new Set([
    ...EXPECTED_APP_EDGES,
    ...EXPECTED_DATA_EDGES,
    ...EXPECTED_EXTERNAL_EDGES,
    ...EXPECTED_INGRESS_EDGES,
    ...[...apps, 'other-pod'].flatMap((app) => [`${app} → kube-dns:53/udp`, `${app} → kube-dns:53`]),
  ]);
  for (const edge of expected) if (!edges.has(edge)) problems.push(`NetworkPolicy: ${edge} is not allowed, but the diagram needs it`);
  for (const edge of edges)
    if (!expected.has(edge)) problems.push(`NetworkPolicy: ${edge} is allowed, but no arrow of the diagram needs it`);
  return problems;
}
