// The kinds deploy/k8s uses, field by field, in a small schema language that k8s-schema.mjs checks:
// types, enums, required fields, and no field that is not listed.

const string = { type: 'string' };
const integer = { type: 'integer' };
const boolean = { type: 'boolean' };
const intOrString = { type: 'int-or-string' };
const quantity = { type: 'quantity' };
const anything = { type: 'any' };
const enumOf = (...values) => ({ type: 'enum', values });
const list = (items) => ({ type: 'array', items });
const map = (values) => ({ type: 'map', values });
const object = (properties, required = []) => ({ type: 'object', properties, required });

const labelSelector = object({
  matchLabels: map(string),
  matchExpressions: list(
    object({ key: string, operator: enumOf('In', 'NotIn', 'Exists', 'DoesNotExist'), values: list(string) }, ['key', 'operator']),
  ),
});
export const objectMeta = object({ name: string, generateName: string, namespace: string, labels: map(string), annotations: map(string) });
const keyRef = object({ name: string, key: string, optional: boolean }, ['key']);
const httpGet = object(
  {
    path: string,
    port: intOrString,
    host: string,
    scheme: enumOf('HTTP', 'HTTPS'),
    httpHeaders: list(object({ name: string, value: string }, ['name', 'value'])),
  },
  ['port'],
);
const exec = object({ command: list(string) });
const handler = {
  exec,
  httpGet,
  tcpSocket: object({ port: intOrString, host: string }, ['port']),
  sleep: object({ seconds: integer }, ['seconds']),
};
const probe = {
  ...object({
    ...handler,
    grpc: object({ port: integer, service: string }, ['port']),
    initialDelaySeconds: integer,
    periodSeconds: integer,
    timeoutSeconds: integer,
    successThreshold: integer,
    failureThreshold: integer,
    terminationGracePeriodSeconds: integer,
  }),
  oneOf: ['exec', 'httpGet', 'tcpSocket', 'grpc'],
};
const lifecycleHandler = { ...object(handler), oneOf: ['exec', 'httpGet', 'tcpSocket', 'sleep'] };
const capabilities = object({ add: list(string), drop: list(string) });
const seccompProfile = object({ type: enumOf('RuntimeDefault', 'Localhost', 'Unconfined'), localhostProfile: string }, ['type']);
const container = object(
  {
    name: string,
    image: string,
    imagePullPolicy: enumOf('Always', 'IfNotPresent', 'Never'),
    command: list(string),
    args: list(string),
    workingDir: string,
    ports: list(
      object({ name: string, containerPort: integer, protocol: enumOf('TCP', 'UDP', 'SCTP'), hostPort: integer, hostIP: string }, [
        'containerPort',
      ]),
    ),
    envFrom: list(
      object({
        prefix: string,
        configMapRef: object({ name: string, optional: boolean }),
        secretRef: object({ name: string, optional: boolean }),
      }),
    ),
    env: list(
      object(
        {
          name: string,
          value: string,
          valueFrom: object({
            configMapKeyRef: keyRef,
            secretKeyRef: keyRef,
            fieldRef: object({ fieldPath: string, apiVersion: string }, ['fieldPath']),
            resourceFieldRef: object({ resource: string, containerName: string, divisor: quantity }, ['resource']),
          }),
        },
        ['name'],
      ),
    ),
    resources: object({ requests: map(quantity), limits: map(quantity) }),
    startupProbe: probe,
    readinessProbe: probe,
    livenessProbe: probe,
    lifecycle: object({ postStart: lifecycleHandler, preStop: lifecycleHandler }),
    securityContext: object({
      allowPrivilegeEscalation: boolean,
      privileged: boolean,
      readOnlyRootFilesystem: boolean,
      runAsNonRoot: boolean,
      runAsUser: integer,
      runAsGroup: integer,
      capabilities,
      seccompProfile,
    }),
    volumeMounts: list(object({ name: string, mountPath: string, readOnly: boolean, subPath: string }, ['name', 'mountPath'])),
    terminationMessagePolicy: enumOf('File', 'FallbackToLogsOnError'),
    terminationMessagePath: string,
  },
  ['name'],
);
const volume = object(
  {
    name: string,
    emptyDir: object({ medium: string, sizeLimit: quantity }),
    configMap: object({
      name: string,
      optional: boolean,
      defaultMode: integer,
      items: list(object({ key: string, path: string, mode: integer }, ['key', 'path'])),
    }),
    secret: object({
      secretName: string,
      optional: boolean,
      defaultMode: integer,
      items: list(object({ key: string, path: string, mode: integer }, ['key', 'path'])),
    }),
    projected: anything,
  },
  ['name'],
);
const podSpec = object(
  {
    containers: list(container),
    initContainers: list(container),
    volumes: list(volume),
    serviceAccountName: string,
    automountServiceAccountToken: boolean,
    terminationGracePeriodSeconds: integer,
    securityContext: object({
      runAsNonRoot: boolean,
      runAsUser: integer,
      runAsGroup: integer,
      fsGroup: integer,
      fsGroupChangePolicy: enumOf('OnRootMismatch', 'Always'),
      supplementalGroups: list(integer),
      seccompProfile,
    }),
    topologySpreadConstraints: list(
      object(
        {
          maxSkew: integer,
          topologyKey: string,
          whenUnsatisfiable: enumOf('DoNotSchedule', 'ScheduleAnyway'),
          labelSelector,
          minDomains: integer,
          matchLabelKeys: list(string),
          nodeAffinityPolicy: enumOf('Honor', 'Ignore'),
          nodeTaintsPolicy: enumOf('Honor', 'Ignore'),
        },
        ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
      ),
    ),
    affinity: anything,
    tolerations: anything,
    nodeSelector: map(string),
    priorityClassName: string,
    imagePullSecrets: list(object({ name: string })),
    enableServiceLinks: boolean,
  },
  ['containers'],
);
const networkPolicyPeer = object({
  podSelector: labelSelector,
  namespaceSelector: labelSelector,
  ipBlock: object({ cidr: string, except: list(string) }, ['cidr']),
});
const networkPolicyPort = object({ protocol: enumOf('TCP', 'UDP', 'SCTP'), port: intOrString, endPort: integer });
const backend = object({
  service: object({ name: string, port: object({ name: string, number: integer }) }, ['name']),
  resource: anything,
});

export const KINDS = {
  'v1/Namespace': object({ spec: object({ finalizers: list(string) }) }),
  'v1/ServiceAccount': object({
    automountServiceAccountToken: boolean,
    imagePullSecrets: list(object({ name: string })),
    secrets: anything,
  }),
  'v1/ConfigMap': object({ data: map(string), binaryData: map(string), immutable: boolean }),
  'v1/Service': object({
    spec: object({
      type: enumOf('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
      selector: map(string),
      clusterIP: string,
      ports: list(
        object(
          {
            name: string,
            port: integer,
            targetPort: intOrString,
            protocol: enumOf('TCP', 'UDP', 'SCTP'),
            appProtocol: string,
            nodePort: integer,
          },
          ['port'],
        ),
      ),
      sessionAffinity: enumOf('ClientIP', 'None'),
      publishNotReadyAddresses: boolean,
      internalTrafficPolicy: enumOf('Cluster', 'Local'),
      trafficDistribution: string,
      ipFamilyPolicy: enumOf('SingleStack', 'PreferDualStack', 'RequireDualStack'),
    }),
  }),
  'apps/v1/Deployment': object(
    {
      spec: object(
        {
          replicas: integer,
          selector: labelSelector,
          template: object({ metadata: objectMeta, spec: podSpec }, ['spec']),
          strategy: object({
            type: enumOf('RollingUpdate', 'Recreate'),
            rollingUpdate: object({ maxSurge: intOrString, maxUnavailable: intOrString }),
          }),
          revisionHistoryLimit: integer,
          minReadySeconds: integer,
          progressDeadlineSeconds: integer,
          paused: boolean,
        },
        ['selector', 'template'],
      ),
    },
    ['spec'],
  ),
  'autoscaling/v2/HorizontalPodAutoscaler': object(
    {
      spec: object(
        {
          scaleTargetRef: object({ apiVersion: string, kind: string, name: string }, ['kind', 'name']),
          minReplicas: integer,
          maxReplicas: integer,
          metrics: list(
            object(
              {
                type: enumOf('Resource', 'Pods', 'Object', 'External', 'ContainerResource'),
                resource: object(
                  {
                    name: string,
                    target: object(
                      {
                        type: enumOf('Utilization', 'Value', 'AverageValue'),
                        averageUtilization: integer,
                        averageValue: quantity,
                        value: quantity,
                      },
                      ['type'],
                    ),
                  },
                  ['name', 'target'],
                ),
                pods: anything,
                object: anything,
                external: anything,
                containerResource: anything,
              },
              ['type'],
            ),
          ),
          behavior: object({
            scaleUp: object({
              stabilizationWindowSeconds: integer,
              selectPolicy: enumOf('Max', 'Min', 'Disabled'),
              policies: list(
                object({ type: enumOf('Pods', 'Percent'), value: integer, periodSeconds: integer }, ['type', 'value', 'periodSeconds']),
              ),
            }),
            scaleDown: object({
              stabilizationWindowSeconds: integer,
              selectPolicy: enumOf('Max', 'Min', 'Disabled'),
              policies: list(
                object({ type: enumOf('Pods', 'Percent'), value: integer, periodSeconds: integer }, ['type', 'value', 'periodSeconds']),
              ),
            }),
          }),
        },
        ['scaleTargetRef', 'maxReplicas'],
      ),
    },
    ['spec'],
  ),
  'policy/v1/PodDisruptionBudget': object({
    spec: object({
      minAvailable: intOrString,
      maxUnavailable: intOrString,
      selector: labelSelector,
      unhealthyPodEvictionPolicy: enumOf('IfHealthyBudget', 'AlwaysAllow'),
    }),
  }),
  'networking.k8s.io/v1/NetworkPolicy': object(
    {
      spec: object(
        {
          podSelector: labelSelector,
          policyTypes: list(enumOf('Ingress', 'Egress')),
          ingress: list(object({ from: list(networkPolicyPeer), ports: list(networkPolicyPort) })),
          egress: list(object({ to: list(networkPolicyPeer), ports: list(networkPolicyPort) })),
        },
        ['podSelector'],
      ),
    },
    ['spec'],
  ),
  'networking.k8s.io/v1/Ingress': object({
    spec: object({
      ingressClassName: string,
      defaultBackend: backend,
      tls: list(object({ hosts: list(string), secretName: string })),
      rules: list(
        object({
          host: string,
          http: object(
            {
              paths: list(
                object({ path: string, pathType: enumOf('Exact', 'Prefix', 'ImplementationSpecific'), backend }, ['pathType', 'backend']),
              ),
            },
            ['paths'],
          ),
        }),
      ),
    }),
  }),
};
