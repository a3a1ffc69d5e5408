import type { Envelope } from '@msp/events';
import { SpanKind } from '@opentelemetry/api';
import { platformMetrics, secondsSince } from '../telemetry/metrics.js';
import { inSpan } from '../telemetry/spans.js';
import { contextFromTraceparent } from '../telemetry/trace-context.js';
import { platformTracer, SERVICE_ATTRIBUTE } from '../telemetry/tracing.js';
import type { EventHandler } from './event-bus.port.js';

const tracer = platformTracer('msp.bus');

/** How a delivery ended for the bus: counted per queue as `msp_bus_messages_total{outcome}`. */
export type DeliveryOutcome = 'handled' | 'retried' | 'dead_lettered' | 'requeued';

export function countDelivery(queue: string, outcome: DeliveryOutcome): void {
  platformMetrics().busMessages.inc({ queue, outcome });
}

/**
 * Runs a consumer's handler as a CONSUMER span continuing the publisher's trace (`traceparent` from
 * the transport, else the envelope's own), and measures the consumer lag and the handling time.
 * Queues are named after their consuming service, so the span is that service's.
 */
export async function handleObserved(
  queue: string,
  event: Envelope,
  traceparent: string | undefined,
  handler: EventHandler,
): Promise<void> {
  const metrics = platformMetrics();
  const lag = secondsSince(event.time);
  if (lag !== undefined) metrics.busConsumerLag.observe({ queue }, lag);
  const startedAt = performance.now();
  try {
    await inSpan(
      tracer,
      {
        name: `process ${event.type}`,
        kind: SpanKind.CONSUMER,
        parent: contextFromTraceparent(traceparent ?? event.traceparent),
        attributes: {
          [SERVICE_ATTRIBUTE]: queue,
          'messaging.operation.type': 'process',
          'messaging.destination.name': queue,
          'messaging.message.id': event.id,
          'msp.event.type': event.type,
        },
      },
      () => handler(event),
    );
    countDelivery(queue, 'handled');
  } finally {
    metrics.busHandlerDuration.observe({ queue }, (performance.now() - startedAt) / 1000);
  }
}
