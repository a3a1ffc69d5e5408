import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '@msp/embedded';
import { startTracing, type Tracing } from '@msp/platform';
import { freePorts, parsePrometheusText, samplesOf, TestGatewayClient } from '@msp/testing';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generousRateLimits } from '../platforms.js';
import { expectOneRegistrationTrace, registrationSpan, verificationSendSpan, type SpanRecord } from '../trace-assertions.js';

function recordOf(span: ReadableSpan): SpanRecord {
  const service = span.attributes['msp.service'];
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    kind: span.kind,
    service: typeof service === 'string' ? service : undefined,
    attributes: span.attributes,
  };
}

/**
 * The embedded platform in this test's own process, so its spans land in an in-memory exporter
 * installed before it starts (the launcher then shares that provider instead of making its own).
 */
describe('observability of the embedded platform (one process)', () => {
  const exporter = new InMemorySpanExporter();
  const dataDir = mkdtempSync(join(tmpdir(), 'msp-observability-'));
  let tracing: Tracing;
  let platform: EmbeddedPlatform;
  let gateway: TestGatewayClient;
  let requestId: string;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'observability-test', exporter });
    const ports = await freePorts('gateway', 'smtp', 'inbox', 'auth', 'user', 'project', 'comms', 'paymentSandbox');
    platform = await startEmbeddedPlatform({
      ...generousRateLimits,
      DATA_DIR: dataDir,
      START_WEB: 'false',
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: String(ports.gateway),
      SMTP_PORT: String(ports.smtp),
      INBOX_PORT: String(ports.inbox),
      AUTH_GRPC_PORT: String(ports.auth),
      USER_GRPC_PORT: String(ports.user),
      PROJECT_GRPC_PORT: String(ports.project),
      COMMS_GRPC_PORT: String(ports.comms),
      PAYMENT_SANDBOX_PORT: String(ports.paymentSandbox),
    });
    gateway = new TestGatewayClient(platform.urls.gateway);
  });

  afterAll(async () => {
    await platform?.stop();
    await tracing?.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes one trace of a registration: gateway → auth → bus → comms → SMTP', async () => {
    requestId = `trace-${crypto.randomUUID()}`;
    const registered = await gateway.call('POST', '/api/v1/auth/register', {
      body: { email: `traced-${crypto.randomUUID()}@example.test`, password: 'a-long-password-1', displayName: 'Traced' },
      headers: { 'x-request-id': requestId },
    });
    expect(registered.status).toBe(201);

    await expect
      .poll(
        () => {
          const spans = exporter.getFinishedSpans().map(recordOf);
          const http = registrationSpan(spans, requestId);
          return http && verificationSendSpan(spans, http.traceId) !== undefined;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    expectOneRegistrationTrace(exporter.getFinishedSpans().map(recordOf), requestId);
  });

  it('serves every service’s metrics at the gateway’s /metrics, as valid Prometheus text', async () => {
    const response = await fetch(`${platform.urls.gateway}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const samples = parsePrometheusText(text);

    const register = { service: 'gateway', method: 'POST', route: '/api/v1/auth/register', status: '201' };
    expect(samplesOf(samples, 'http_server_requests_total', register)[0]?.value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'http_server_request_duration_seconds_count', register)[0]?.value).toBeGreaterThanOrEqual(1);
    const registerRpc = { service: 'auth', method: 'msp.auth.v1.AuthService/Register', code: 'OK' };
    expect(samplesOf(samples, 'grpc_server_handled_total', registerRpc)[0]?.value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'grpc_server_handling_seconds_count', { service: 'auth' }).length).toBeGreaterThan(0);
    for (const service of ['auth', 'user', 'project', 'comms']) {
      expect(samplesOf(samples, 'msp_outbox_pending_events', { service }), service).toHaveLength(1);
      expect(samplesOf(samples, 'msp_outbox_oldest_pending_age_seconds', { service }), service).toHaveLength(1);
    }
    expect(samplesOf(samples, 'msp_outbox_published_total', { service: 'auth' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'msp_bus_messages_total', { queue: 'comms', outcome: 'handled' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'msp_bus_consumer_lag_seconds_count', { queue: 'comms' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'msp_email_sends_total', { template: 'verify-email.v1', outcome: 'sent' })[0]?.value).toBeGreaterThanOrEqual(
      1,
    );
    // Declared even before their first sample (no cache read or payment in this test).
    expect(text).toContain('# TYPE msp_cache_requests_total counter');
    expect(text).toContain('# TYPE msp_payment_transitions_total counter');
    expect(samplesOf(samples, 'process_cpu_user_seconds_total')).toHaveLength(1);
  });

  it('keeps /metrics out of the public API document and away from authentication', async () => {
    const openapi = await gateway.call('GET', '/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).not.toContain('/metrics');
    expect((await fetch(`${platform.urls.gateway}/metrics`, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(200);
  });
});
