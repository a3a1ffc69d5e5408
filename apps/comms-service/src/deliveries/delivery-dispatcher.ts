import {
  contextFromTraceparent,
  inSpan,
  LOGGER,
  platformMetrics,
  platformTracer,
  PollingLoop,
  SERVICE_ATTRIBUTE,
  SpanKind,
  UnitOfWork,
  type Logger,
} from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from '../comms-settings.js';
import { bypassesSuppression, isHardBounce, suppressedError } from '../suppression/suppression-rules.js';
import { SuppressionsRepository } from '../suppression/suppressions.repository.js';
import { DeliveriesRepository, type DeliveryRow } from './deliveries.repository.js';
import { isPermanentFailure, MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';
import { retryDelayMs } from './retry-backoff.js';

const BATCH = 20;
const LEASE_MS = 60_000;
/** Kept clear of the lease's end: it is counted on the database's clock, the deadline on ours. */
const LEASE_MARGIN_MS = 5_000;

const tracer = platformTracer('msp.smtp');

/** How one send attempt ended, counted as `msp_email_sends_total{template, outcome}`. */
type SendOutcome = 'sent' | 'deferred' | 'failed' | 'bounced' | 'suppressed';

function countSend(template: string, outcome: SendOutcome): void {
  platformMetrics().emailSends.inc({ template, outcome });
}

/**
 * Sends queued deliveries over SMTP, apart from event consumption: a slow or refusing mail server
 * delays emails but never blocks the bus. Transient failures are retried with exponential backoff
 * until the attempt limit; permanent ones (5xx) fail at once, and a hard bounce also suppresses the
 * address, so later mail to it fails without contacting SMTP.
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly loop: PollingLoop;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly unitOfWork: UnitOfWork,
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
    const leaseEndsAt = Date.now() + LEASE_MS - LEASE_MARGIN_MS;
    const due = await this.deliveries.claimDue(BATCH, LEASE_MS);
    await Promise.all(due.map((delivery) => this.send(delivery, leaseEndsAt)));
    return due.length === BATCH;
  }

  private async send(delivery: DeliveryRow, leaseEndsAt: number): Promise<void> {
    // Checked at sending, not at queueing: a bounce may come between the two, and resends pass here too.
    const suppression = bypassesSuppression(delivery.template) ? undefined : await this.suppressions.find(delivery.toAddress);
    if (suppression) {
      await this.deliveries.markFailed(delivery.id, delivery.attempts, suppressedError(suppression));
      countSend(delivery.template, 'suppressed');
      this.logger.info({ deliveryId: delivery.id, template: delivery.template }, 'email not sent: address suppressed');
      return;
    }
    const attempts = delivery.attempts + 1;
    try {
      // A span of the trace that queued the email (the event's consumer), though sent from this loop.
      await inSpan(
        tracer,
        {
          name: 'smtp send',
          kind: SpanKind.CLIENT,
          parent: contextFromTraceparent(delivery.traceparent ?? undefined),
          attributes: {
            [SERVICE_ATTRIBUTE]: 'comms',
            'msp.email.template': delivery.template,
            'msp.email.delivery_id': delivery.id,
            'msp.email.attempt': attempts,
          },
        },
        () =>
          this.transport.send({
            from: this.settings.mailFrom,
            to: delivery.toAddress,
            subject: delivery.subject,
            text: delivery.textBody,
            html: delivery.htmlBody,
            messageId: `<${delivery.id}@msp.localhost>`,
            unsubscribeUrl: delivery.unsubscribeUrl ?? undefined,
          }),
      );
    } catch (error) {
      await this.recordFailure(delivery, attempts, error);
      return;
    }
    countSend(delivery.template, 'sent');
    // The mail is out: failing to record that must not count as a failed send, or it would be sent again.
    await this.recordSent(delivery, attempts, leaseEndsAt);
  }

  /**
   * Keeps trying for as long as this dispatcher's lease on the delivery holds: until it ends nobody
   * else sends it, so a database that is away for a few seconds cannot cause a second email. Only a
   * record still failing when the lease runs out can (the database away for most of a minute).
   */
  private async recordSent(delivery: DeliveryRow, attempts: number, leaseEndsAt: number): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        await this.deliveries.markSent(delivery.id, attempts);
        this.logger.info({ deliveryId: delivery.id, template: delivery.template, attempts }, 'email sent');
        return;
      } catch (error) {
        const waitMs = Math.min(2_000, 200 * tries);
        if (Date.now() + waitMs >= leaseEndsAt) {
          this.logger.error({ err: error, deliveryId: delivery.id }, 'email sent but not recorded; it may be sent again after its lease');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  private async recordFailure(delivery: DeliveryRow, attempts: number, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (isHardBounce(error)) {
      // Failed and suppressed together: a suppression without its failed delivery would be unexplained.
      await this.unitOfWork.run(async (tx) => {
        await this.deliveries.markFailed(delivery.id, attempts, message, tx);
        await this.suppressions.suppress({ address: delivery.toAddress, reason: message, deliveryId: delivery.id, at: new Date() }, tx);
      });
      countSend(delivery.template, 'bounced');
      this.logger.warn({ deliveryId: delivery.id, attempts, error: message }, 'email bounced; address suppressed');
    } else if (isPermanentFailure(error) || attempts >= this.settings.maxAttempts) {
      await this.deliveries.markFailed(delivery.id, attempts, message);
      countSend(delivery.template, 'failed');
      this.logger.warn({ deliveryId: delivery.id, attempts, error: message }, 'email failed for good');
    } else {
      const delayMs = retryDelayMs(attempts);
      await this.deliveries.markRetry(delivery.id, attempts, message, new Date(Date.now() + delayMs));
      countSend(delivery.template, 'deferred');
      this.logger.info({ deliveryId: delivery.id, attempts, delayMs, error: message }, 'email deferred');
    }
  }
}
