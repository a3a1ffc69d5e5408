import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Span attribute naming the platform service a span belongs to (several share one process when embedded). */
export const SERVICE_ATTRIBUTE = 'msp.service';

/** Tracing settings, from the standard OpenTelemetry variables (see telemetryEnv). */
export interface TracingConfig {
  /** OTLP/HTTP base URL; traces go to `<endpoint>/v1/traces`. */
  otlpEndpoint?: string | undefined;
  /** OTLP/HTTP traces URL, used as given; wins over `otlpEndpoint`. */
  otlpTracesEndpoint?: string | undefined;
  /** OTEL_SDK_DISABLED: no provider at all, not even trace ids in logs. */
  disabled?: boolean | undefined;
}

export interface TracingOptions extends TracingConfig {
  /** The resource's `service.name` (the process: `auth-service`, `gateway`, `msp-embedded`). */
  serviceName: string;
  /** Tests: every span goes to this exporter as soon as it ends (e.g. an InMemorySpanExporter). */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Whether spans are recorded and exported (false: ids only, nothing recorded). */
  exporting: boolean;
  /** Flushes and stops the provider when this call installed it; otherwise does nothing. */
  shutdown(): Promise<void>;
}

interface InstalledTracing {
  provider: NodeTracerProvider;
  exporting: boolean;
}

// Kept on globalThis: a second copy of this module (tests, bundlers) must see the same provider.
const INSTALLED = Symbol.for('msp.telemetry.tracing');
type TracingGlobal = typeof globalThis & { [INSTALLED]?: InstalledTracing | undefined };

/**
 * Installs the process's tracer provider once: the first caller wins (the embedded launcher, or a
 * test with its in-memory exporter), later callers (each service of an embedded process) share it.
 *
 * Without an exporter nothing is recorded (AlwaysOff sampler): spans are non-recording, yet trace
 * ids are still made and propagated, so logs of one request share a trace id across services at
 * almost no cost. With an exporter, every trace is sampled unless its remote parent said otherwise.
 */
export function startTracing(options: TracingOptions): Tracing {
  const global = globalThis as TracingGlobal;
  const existing = global[INSTALLED];
  if (existing || options.disabled) return { exporting: existing?.exporting ?? false, shutdown: async () => {} };

  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  const tracesUrl =
    options.otlpTracesEndpoint ?? (options.otlpEndpoint ? `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (tracesUrl) processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl })));
  const exporting = processors.length > 0;

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    sampler: exporting ? new ParentBasedSampler({ root: new AlwaysOnSampler() }) : new AlwaysOffSampler(),
    spanProcessors: processors,
  });
  // Registers the AsyncLocalStorage context manager and the W3C propagator with the API.
  provider.register();
  const installed: InstalledTracing = { provider, exporting };
  global[INSTALLED] = installed;
  return {
    exporting,
    shutdown: async () => {
      if (global[INSTALLED] !== installed) return;
      global[INSTALLED] = undefined;
      await provider.shutdown();
      // Unregistered entirely, so a later start in the same process (a test's second platform) can register again.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** The tracer of one part of the platform (`msp.http`, `msp.grpc`, `msp.bus`, `msp.outbox`, `msp.smtp`). */
export function platformTracer(scope: string): Tracer {
  return trace.getTracer(scope);
}
