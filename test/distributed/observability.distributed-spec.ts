import { parsePrometheusText, samplesOf, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../otlp-receiver.js';
import { generousRateLimits, startDistributedPlatform } from '../platforms.js';
import { expectOneRegistrationTrace, registrationSpan, verificationSendSpan } from '../trace-assertions.js';

/**
 * Every process exports its spans over OTLP/HTTP to a receiver in this test: one registration must
 * still be one trace although it crosses four processes, gRPC and RabbitMQ.
 */
describe('observability of the distributed platform (one process per service, RabbitMQ)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let platform: Awaited<ReturnType<typeof startDistributedPlatform>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    platform = await startDistributedPlatform({
      ...generousRateLimits,
      LOG_LEVEL: 'warn',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // The batch processor's own variable: export within a fraction of a second instead of 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await receiver?.close();
  });

  it('makes one trace of a registration across the gateway, auth, RabbitMQ and comms processes', async () => {
    const requestId = `trace-${crypto.randomUUID()}`;
    const gateway = new TestGatewayClient(platform.gatewayUrl);
    const registered = await gateway.call('POST', '/api/v1/auth/register', {
      body: { email: `traced-${crypto.randomUUID()}@example.test`, password: 'a-long-password-1', displayName: 'Traced' },
      headers: { 'x-request-id': requestId },
    });
    expect(registered.status).toBe(201);
    await expect
      .poll(
        () => {
          const http = registrationSpan(receiver.spans, requestId);
          return http && verificationSendSpan(receiver.spans, http.traceId) !== undefined;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true);
    expectOneRegistrationTrace(receiver.spans, requestId);
    // Each process reported under its own name.
    const http = registrationSpan(receiver.spans, requestId)!;
    const trace = receiver.spans.filter((span) => span.traceId === http.traceId);
    expect([...new Set(trace.map((span) => span.resourceService))]).toEqual(
      expect.arrayContaining(['gateway', 'auth-service', 'comms-service']),
    );
  });

  it('serves Prometheus metrics on the gateway and on each service’s ops port', async () => {
    const scrape = async (url: string) => {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      return parsePrometheusText(await response.text());
    };
    const gateway = await scrape(`${platform.gatewayUrl}/metrics`);
    expect(
      samplesOf(gateway, 'http_server_requests_total', { route: '/api/v1/auth/register', status: '201' })[0]?.value,
    ).toBeGreaterThanOrEqual(1);

    const { ports } = platform.processes;
    const auth = await scrape(`http://127.0.0.1:${ports.authOps}/metrics`);
    expect(
      samplesOf(auth, 'grpc_server_handled_total', { service: 'auth', method: 'msp.auth.v1.AuthService/Register', code: 'OK' }),
    ).toHaveLength(1);
    expect(samplesOf(auth, 'msp_outbox_pending_events', { service: 'auth' })).toHaveLength(1);
    expect(samplesOf(auth, 'msp_outbox_published_total', { service: 'auth' })[0]?.value).toBeGreaterThanOrEqual(1);
    // A process holds only its own service's series.
    expect(samplesOf(auth, 'grpc_server_handled_total', { service: 'comms' })).toHaveLength(0);

    const comms = await scrape(`http://127.0.0.1:${ports.commsOps}/metrics`);
    expect(samplesOf(comms, 'msp_bus_messages_total', { queue: 'comms', outcome: 'handled' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(comms, 'msp_email_sends_total', { template: 'verify-email.v1', outcome: 'sent' })[0]?.value).toBeGreaterThanOrEqual(1);
  });
});
