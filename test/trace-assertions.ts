import { expect } from 'vitest';

/** A finished span reduced to what the trace assertions need, whichever exporter it came from. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** OpenTelemetry API numbering: 0 internal, 1 server, 2 client, 3 producer, 4 consumer. */
  kind: number;
  /** The platform service the span belongs to (`msp.service`). */
  service: string | undefined;
  attributes: Record<string, unknown>;
}

export const SpanKinds = { server: 1, client: 2, producer: 3, consumer: 4 } as const;

const REGISTER_SPAN = 'POST /api/v1/auth/register';

/** The registration's HTTP span with this request id, once it has ended. */
export function registrationSpan(spans: SpanRecord[], requestId: string): SpanRecord | undefined {
  return spans.find((span) => span.name === REGISTER_SPAN && span.attributes['msp.request_id'] === requestId);
}

/** The verification email's send span in the registration's trace, once it has ended. */
export function verificationSendSpan(spans: SpanRecord[], traceId: string): SpanRecord | undefined {
  return spans.find(
    (span) => span.traceId === traceId && span.name === 'smtp send' && span.attributes['msp.email.template'] === 'verify-email.v1',
  );
}

/**
 * One registration is one trace: the gateway's HTTP span is its root, and the verification email's
 * SMTP span descends from it through the gateway's gRPC call, the auth service's handling of it, the
 * outbox relay's publish and the comms consumer — each span the child of the one before.
 */
export function expectOneRegistrationTrace(spans: SpanRecord[], requestId: string): void {
  const http = registrationSpan(spans, requestId);
  expect(http, 'the gateway HTTP span').toBeDefined();
  expect(http).toMatchObject({ service: 'gateway', kind: SpanKinds.server, parentSpanId: undefined });
  const trace = spans.filter((span) => span.traceId === http!.traceId);
  const byId = new Map(trace.map((span) => [span.spanId, span]));
  const send = verificationSendSpan(trace, http!.traceId);
  expect(send, 'the SMTP send span in the same trace').toBeDefined();

  const chain: SpanRecord[] = [];
  for (let span: SpanRecord | undefined = send; span; span = span.parentSpanId ? byId.get(span.parentSpanId) : undefined) {
    chain.unshift(span);
  }
  const steps = chain.map((span) => ({ name: span.name, service: span.service, kind: span.kind }));
  // Ancestors the chain must pass through, in this order (others, e.g. calls the auth service makes, may lie between).
  const expected = [
    { name: REGISTER_SPAN, service: 'gateway', kind: SpanKinds.server },
    { name: 'msp.auth.v1.AuthService/Register', service: 'gateway', kind: SpanKinds.client },
    { name: 'msp.auth.v1.AuthService/Register', service: 'auth', kind: SpanKinds.server },
    { name: 'publish auth.email_verification.requested.v1', service: 'auth', kind: SpanKinds.producer },
    { name: 'process auth.email_verification.requested.v1', service: 'comms', kind: SpanKinds.consumer },
    { name: 'smtp send', service: 'comms', kind: SpanKinds.client },
  ];
  expect(steps).toEqual(expected);
}
