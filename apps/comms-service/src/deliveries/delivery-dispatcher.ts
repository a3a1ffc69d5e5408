import { LOGGER, PollingLoop, type Logger } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from '../comms-settings.js';
import { DeliveriesRepository, type DeliveryRow } from './deliveries.repository.js';
import { isPermanentFailure, MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';

const BATCH = 20;
const LEASE_MS = 60_000;

/**
 * Sends queued deliveries over SMTP, apart from event consumption: a slow or refusing mail server
 * delays emails but never blocks the bus. Transient failures are retried with exponential backoff
 * until the attempt limit; permanent ones (5xx) fail at once.
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly loop: PollingLoop;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(COMMS_SETTINGS) private readonly settings: CommsSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop('email dispatcher', () => this.sendDue(), settings.pollMs, logger);
  }

  start(): void {
    this.loop.start();
  }

  /** New work was queued: look now instead of at the next poll. */
  poke(): void {
    this.loop.poke();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.transport.close();
  }

  /** Sends one batch; true when the batch was full (more may be due). */
  private async sendDue(): Promise<boolean> {
    const due = await this.deliveries.claimDue(BATCH, LEASE_MS);
    await Promise.all(due.map((delivery) => this.send(delivery)));
    return due.length === BATCH;
  }

  private async send(delivery: DeliveryRow): Promise<void> {
    const attempts = delivery.attempts + 1;
    try {
      await this.transport.send({
        from: this.settings.mailFrom,
        to: delivery.toAddress,
        subject: delivery.subject,
        text: delivery.textBody,
        html: delivery.htmlBody,
        messageId: `<${delivery.id}@msp.localhost>`,
      });
    } catch (error) {
      await this.recordFailure(delivery, attempts, error);
      return;
    }
    // The mail is out: failing to record that must not count as a failed send, or it would be sent again.
    await this.recordSent(delivery, attempts);
  }

  private async recordSent(delivery: DeliveryRow, attempts: number): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        await this.deliveries.markSent(delivery.id, attempts);
        this.logger.info({ deliveryId: delivery.id, template: delivery.template, attempts }, 'email sent');
        return;
      } catch (error) {
        if (tries >= 5) {
          this.logger.error({ err: error, deliveryId: delivery.id }, 'email sent but not recorded; it may be sent again after its lease');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * tries));
      }
    }
  }

  private async recordFailure(delivery: DeliveryRow, attempts: number, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (isPermanentFailure(error) || attempts >= this.settings.maxAttempts) {
      await this.deliveries.markFailed(delivery.id, attempts, message);
      this.logger.warn({ deliveryId: delivery.id, attempts, error: message }, 'email failed for good');
    } else {
      const delayMs = Math.min(15 * 60_000, 1_000 * 2 ** (attempts - 1));
      await this.deliveries.markRetry(delivery.id, attempts, message, new Date(Date.now() + delayMs));
      this.logger.info({ deliveryId: delivery.id, attempts, delayMs, error: message }, 'email deferred');
    }
  }
}
