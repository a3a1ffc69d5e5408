import { envVar } from '../config/env.js';
import type { TracingConfig } from './tracing.js';

/**
 * The standard OpenTelemetry variables the platform reads (spread into each app's schema). Export is
 * off unless an endpoint is set: then traces go over OTLP/HTTP (JSON) to the collector named there.
 */
export const telemetryEnv = {
  /** OTLP/HTTP base URL, e.g. `http://collector:4318` (traces go to `/v1/traces`). */
  OTEL_EXPORTER_OTLP_ENDPOINT: envVar.optionalUrl(),
  /** OTLP/HTTP traces URL, used as given; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: envVar.optionalUrl(),
  /** `true`: no tracing at all (not even trace ids in the logs). */
  OTEL_SDK_DISABLED: envVar.flag(false),
};

export interface TelemetryEnv {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string | undefined;
  OTEL_SDK_DISABLED?: boolean | undefined;
}

/** The tracing settings of a parsed configuration. */
export function tracingConfigOf(env: TelemetryEnv): TracingConfig {
  return {
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    otlpTracesEndpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
    disabled: env.OTEL_SDK_DISABLED,
  };
}
