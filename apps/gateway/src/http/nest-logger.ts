import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@msp/platform';

/** Nest's own messages (bootstrap, route mapping) as JSON lines in the gateway's log. */
export class NestLoggerBridge implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.logger.debug({ context: contextOf(rest) }, String(message));
  }

  /** Nest calls `error(message, stack?, context?)`; a lone extra argument is the context. */
  error(message: unknown, ...rest: unknown[]): void {
    const trace = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    this.logger.error({ context: contextOf(rest), trace }, String(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn({ context: contextOf(rest) }, String(message));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug({ context: contextOf(rest) }, String(message));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.trace({ context: contextOf(rest) }, String(message));
  }
}

/** Nest passes the context (the class name) as the last optional parameter. */
function contextOf(rest: unknown[]): string | undefined {
  const last = rest.at(-1);
  return typeof last === 'string' ? last : undefined;
}
