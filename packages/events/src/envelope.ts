import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventSchemas, type EventData, type EventType } from './event-map.js';

/** CloudEvents 1.0 attributes every message on the bus carries (structured mode, JSON). */
export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().optional(),
  datacontenttype: z.literal('application/json'),
  traceparent: z.string().optional(),
  data: z.unknown(),
});

export type Envelope<T extends EventType = EventType> = {
  specversion: '1.0';
  id: string;
  source: string;
  type: T;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  traceparent?: string;
  data: EventData<T>;
};

export interface NewEvent<T extends EventType> {
  type: T;
  source: string;
  data: EventData<T>;
  subject?: string;
  traceparent?: string;
}

/** Builds a validated envelope: a payload that does not match its schema never leaves the producer. */
export function createEnvelope<T extends EventType>(event: NewEvent<T>): Envelope<T> {
  const data = eventSchemas[event.type].parse(event.data) as EventData<T>;
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: event.source,
    type: event.type,
    time: new Date().toISOString(),
    ...(event.subject === undefined ? {} : { subject: event.subject }),
    datacontenttype: 'application/json',
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
    data,
  };
}

export class InvalidEventError extends Error {
  constructor(
    message: string,
    readonly issues: unknown,
  ) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/**
 * Parses a message received from the bus. Throws InvalidEventError for anything that is not a known,
 * schema-valid event, so the consumer can dead-letter it instead of acting on it.
 */
export function parseEnvelope(raw: unknown): Envelope {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new InvalidEventError('not a CloudEvents envelope', envelope.error.issues);
  const type = envelope.data.type;
  if (!isEventType(type)) throw new InvalidEventError(`unknown event type ${type}`, []);
  const data = eventSchemas[type].safeParse(envelope.data.data);
  if (!data.success) throw new InvalidEventError(`invalid ${type} payload`, data.error.issues);
  return { ...envelope.data, type, data: data.data } as Envelope;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventSchemas, type);
}
