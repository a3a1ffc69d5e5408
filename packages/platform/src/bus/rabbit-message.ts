import type { ConfirmChannel, Message, Options } from 'amqplib';

/** Headers this bus writes while moving a message between its queues. */
export const ATTEMPT_HEADER = 'x-attempt';
export const LAST_ERROR_HEADER = 'x-last-error';
export const DEAD_LETTER_REASON_HEADER = 'x-dead-letter-reason';
export const ATTEMPTS_HEADER = 'x-attempts';
export const DEAD_LETTERED_AT_HEADER = 'x-dead-lettered-at';

const RETRY_BOOKKEEPING = [ATTEMPT_HEADER, LAST_ERROR_HEADER, DEAD_LETTER_REASON_HEADER, ATTEMPTS_HEADER, DEAD_LETTERED_AT_HEADER];

/**
 * Publishes on a confirm channel and resolves once the broker has confirmed. Bounded, because a
 * confirm can be lost with the connection and the caller holds an unacknowledged message meanwhile.
 */
export function publishConfirmed(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  content: Buffer,
  options: Options.Publish,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no publisher confirm within ${timeoutMs} ms`)), timeoutMs);
    try {
      channel.publish(exchange, routingKey, content, options, (error) => {
        clearTimeout(timer);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve();
      });
    } catch (error) {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The properties a copy of a received message keeps, so it stays the same event for its consumer. */
export function copyProperties(message: Message): Options.Publish {
  const { contentType, contentEncoding, messageId, type, timestamp, correlationId, appId } = message.properties;
  const properties: Options.Publish = { persistent: true };
  if (contentType !== undefined) properties.contentType = contentType;
  if (contentEncoding !== undefined) properties.contentEncoding = contentEncoding;
  if (messageId !== undefined) properties.messageId = messageId;
  if (type !== undefined) properties.type = type;
  if (timestamp !== undefined) properties.timestamp = timestamp;
  if (correlationId !== undefined) properties.correlationId = correlationId;
  if (appId !== undefined) properties.appId = appId;
  return properties;
}

/**
 * The headers a copy carries forward. The broker's own dead-lettering records (`x-death`, …) are left
 * out: they describe the original's history, and newer brokers ignore or reject them from publishers.
 */
export function forwardedHeaders(message: Message): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.properties.headers ?? {})) {
    if (name === 'x-death' || name.startsWith('x-first-death') || name.startsWith('x-last-death')) continue;
    headers[name] = value;
  }
  return headers;
}

/** Headers for a message redriven from the DLQ: its retry history is dropped, so it gets a full budget. */
export function redrivenHeaders(message: Message): Record<string, unknown> {
  const headers = forwardedHeaders(message);
  for (const name of RETRY_BOOKKEEPING) delete headers[name];
  return headers;
}

/** How many times this message has been retried so far (0 for a first delivery). */
export function attemptOf(message: Message): number {
  const value = Number(message.properties.headers?.[ATTEMPT_HEADER] ?? 0);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export function headerString(message: Message, name: string): string | undefined {
  const value: unknown = message.properties.headers?.[name];
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}
