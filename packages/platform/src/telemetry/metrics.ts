import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets (seconds) shared by HTTP, gRPC and handlers: 2 ms to 10 s. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Lag buckets (seconds): from "right away" to "the consumer was down for minutes". */
const LAG_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800];

/** What an outbox reports at scrape time: rows not yet published and the age of the oldest. */
export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

function createPlatformMetrics(registry: Registry) {
  const registers = [registry];
  const outboxProbes = new Map<string, () => Promise<OutboxBacklog>>();
  // Both outbox gauges come from one query per service per scrape.
  const backlogOf = async (service: string, probe: () => Promise<OutboxBacklog>, memo: Map<string, Promise<OutboxBacklog>>) => {
    let pending = memo.get(service);
    if (!pending) {
      pending = probe();
      memo.set(service, pending);
      setTimeout(() => memo.delete(service), 1_000).unref();
    }
    return pending;
  };
  const backlogMemo = new Map<string, Promise<OutboxBacklog>>();
  const collectBacklog = async (gauge: Gauge<'service'>, pick: (backlog: OutboxBacklog) => number) => {
    gauge.reset();
    await Promise.all(
      [...outboxProbes].map(async ([service, probe]) => {
        try {
          gauge.set({ service }, pick(await backlogOf(service, probe, backlogMemo)));
        } catch {
          // A database that does not answer leaves the series out; readiness reports the outage.
        }
      }),
    );
  };

  return {
    outboxProbes,
    httpRequests: new Counter({
      name: 'http_server_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['service', 'method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route template and status.',
      labelNames: ['service', 'method', 'route', 'status'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    grpcHandled: new Counter({
      name: 'grpc_server_handled_total',
      help: 'gRPC calls completed by a service, by method and status code name (errors: code != "OK").',
      labelNames: ['service', 'method', 'code'] as const,
      registers,
    }),
    grpcDuration: new Histogram({
      name: 'grpc_server_handling_seconds',
      help: 'Time a service took to complete a gRPC call, by method.',
      labelNames: ['service', 'method'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    outboxPublished: new Counter({
      name: 'msp_outbox_published_total',
      help: 'Outbox events published to the bus (broker confirmed).',
      labelNames: ['service'] as const,
      registers,
    }),
    outboxPublishFailures: new Counter({
      name: 'msp_outbox_publish_failures_total',
      help: 'Outbox publish attempts that failed and will be retried.',
      labelNames: ['service'] as const,
      registers,
    }),
    outboxPublishLag: new Histogram({
      name: 'msp_outbox_publish_lag_seconds',
      help: 'Time from recording an event (in its transaction) to the broker confirming it.',
      labelNames: ['service'] as const,
      buckets: LAG_BUCKETS,
      registers,
    }),
    outboxPending: new Gauge({
      name: 'msp_outbox_pending_events',
      help: 'Outbox rows committed but not yet published.',
      labelNames: ['service'] as const,
      registers,
      async collect() {
        await collectBacklog(this, (backlog) => backlog.pending);
      },
    }),
    outboxOldestAge: new Gauge({
      name: 'msp_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none): the relay lag.',
      labelNames: ['service'] as const,
      registers,
      async collect() {
        await collectBacklog(this, (backlog) => backlog.oldestAgeSeconds);
      },
    }),
    busMessages: new Counter({
      name: 'msp_bus_messages_total',
      help: 'Event deliveries to a queue, by outcome: handled, retried, dead_lettered, requeued.',
      labelNames: ['queue', 'outcome'] as const,
      registers,
    }),
    busHandlerDuration: new Histogram({
      name: 'msp_bus_handler_duration_seconds',
      help: 'Time a consumer took to handle one event (success or failure).',
      labelNames: ['queue'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    busConsumerLag: new Histogram({
      name: 'msp_bus_consumer_lag_seconds',
      help: 'Time from an event being recorded to its consumer starting to handle it.',
      labelNames: ['queue'] as const,
      buckets: LAG_BUCKETS,
      registers,
    }),
    emailSends: new Counter({
      name: 'msp_email_sends_total',
      help: 'Email send attempts by template and outcome: sent, deferred, failed, bounced, suppressed.',
      labelNames: ['template', 'outcome'] as const,
      registers,
    }),
    paymentTransitions: new Counter({
      name: 'msp_payment_transitions_total',
      help: 'Payments moved from one state to another.',
      labelNames: ['from', 'to'] as const,
      registers,
    }),
    cacheRequests: new Counter({
      name: 'msp_cache_requests_total',
      help: 'Cache reads by cache name (the key prefix) and result: hit or miss.',
      labelNames: ['service', 'cache', 'result'] as const,
      registers,
    }),
  };
}

export type PlatformMetrics = ReturnType<typeof createPlatformMetrics>;

interface MetricsState {
  registry: Registry;
  metrics: PlatformMetrics;
}

// One registry per process (not prom-client's global default): the services of an embedded process
// share it, each series labelled with its service, and nothing is registered twice.
const STATE = Symbol.for('msp.telemetry.metrics');
type MetricsGlobal = typeof globalThis & { [STATE]?: MetricsState };

function state(): MetricsState {
  const global = globalThis as MetricsGlobal;
  let current = global[STATE];
  if (!current) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    current = { registry, metrics: createPlatformMetrics(registry) };
    global[STATE] = current;
  }
  return current;
}

/** The process's metrics, created on first use. */
export function platformMetrics(): PlatformMetrics {
  return state().metrics;
}

/** The process registry: what `/metrics` serves. */
export function metricsRegistry(): Registry {
  return state().registry;
}

/** The Prometheus text exposition of every metric of this process, and its content type. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = state();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** Reports a service's outbox backlog at every scrape until the returned function is called. */
export function watchOutboxBacklog(service: string, probe: () => Promise<OutboxBacklog>): () => void {
  const { outboxProbes } = platformMetrics();
  outboxProbes.set(service, probe);
  return () => {
    if (outboxProbes.get(service) === probe) outboxProbes.delete(service);
  };
}

/** Seconds since an ISO timestamp (an event's `time`), never negative; undefined when unreadable. */
export function secondsSince(isoTime: string, now = Date.now()): number | undefined {
  const at = Date.parse(isoTime);
  return Number.isNaN(at) ? undefined : Math.max(0, (now - at) / 1000);
}
