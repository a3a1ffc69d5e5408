import { randomUUID } from 'node:crypto';
import { createLogger } from '@msp/platform';
import { describe, expect, it } from 'vitest';
import type { CommsSettings } from '../comms-settings.js';
import type { DeliveriesRepository, DeliveryRow } from './deliveries.repository.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import type { MailTransport, OutgoingMail } from './mail-transport.js';

const settings: CommsSettings = { mailFrom: 'MSP <no-reply@msp.test>', webUrl: 'http://web.test', maxAttempts: 3, pollMs: 60_000 };

type Outcome =
  | { kind: 'sent'; id: string; attempts: number }
  | { kind: 'retry'; id: string; attempts: number; error: string; nextAttemptAt: Date }
  | { kind: 'failed'; id: string; attempts: number; error: string };

/** Hands out the given deliveries once and records what the dispatcher decided for each. */
class FakeDeliveries {
  readonly outcomes: Outcome[] = [];
  constructor(private due: DeliveryRow[]) {}

  async claimDue() {
    const claimed = this.due;
    this.due = [];
    return claimed;
  }
  async markSent(id: string, attempts: number) {
    this.outcomes.push({ kind: 'sent', id, attempts });
  }
  async markRetry(id: string, attempts: number, error: string, nextAttemptAt: Date) {
    this.outcomes.push({ kind: 'retry', id, attempts, error, nextAttemptAt });
  }
  async markFailed(id: string, attempts: number, error: string) {
    this.outcomes.push({ kind: 'failed', id, attempts, error });
  }
}

class FakeTransport implements MailTransport {
  readonly sent: OutgoingMail[] = [];
  closed = false;
  constructor(private readonly failure?: unknown) {}

  async send(mail: OutgoingMail) {
    if (this.failure) throw this.failure;
    this.sent.push(mail);
  }
  close() {
    this.closed = true;
  }
}

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

function delivery(attempts = 0): DeliveryRow {
  const now = new Date();
  return {
    id: randomUUID(),
    eventId: randomUUID(),
    toAddress: `to-${randomUUID()}@example.test`,
    template: 'verify-email.v1',
    locale: 'en',
    subject: 'Confirm your email address',
    textBody: 'text body',
    htmlBody: '<p>html body</p>',
    status: 'queued',
    attempts,
    lastError: null,
    nextAttemptAt: now,
    claimedUntil: null,
    createdAt: now,
    sentAt: null,
  };
}

/** One pass of the dispatcher: `start` runs a pass at once, `stop` lets it finish and ends the loop. */
async function dispatchOnce(due: DeliveryRow[], transport: FakeTransport) {
  const deliveries = new FakeDeliveries(due);
  const dispatcher = new DeliveryDispatcher(
    deliveries as unknown as DeliveriesRepository,
    transport,
    settings,
    createLogger('test', 'silent'),
  );
  dispatcher.start();
  await dispatcher.stop();
  return deliveries.outcomes;
}

describe('DeliveryDispatcher', () => {
  it('sends a due delivery with a stable message id and marks it sent', async () => {
    const transport = new FakeTransport();
    const due = delivery();

    const outcomes = await dispatchOnce([due], transport);

    expect(transport.sent).toEqual([
      {
        from: settings.mailFrom,
        to: due.toAddress,
        subject: due.subject,
        text: due.textBody,
        html: due.htmlBody,
        messageId: `<${due.id}@msp.localhost>`,
      },
    ]);
    expect(outcomes).toEqual([{ kind: 'sent', id: due.id, attempts: 1 }]);
    expect(transport.closed).toBe(true);
  });

  it.each([
    ['an SMTP 4xx reply', smtpError(451, '451 4.3.0 try again later')],
    ['a connection failure', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ECONNREFUSED' })],
  ])('defers the delivery after %s, to a later attempt', async (_label, failure) => {
    const due = delivery(1);
    const before = Date.now();

    const outcomes = await dispatchOnce([due], new FakeTransport(failure));

    expect(outcomes).toEqual([
      { kind: 'retry', id: due.id, attempts: 2, error: (failure as Error).message, nextAttemptAt: expect.any(Date) },
    ]);
    const retry = outcomes[0] as Extract<Outcome, { kind: 'retry' }>;
    // Second attempt failed: the backoff is 2 s (1 s doubled once).
    expect(retry.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 2_000);
  });

  it('fails the delivery at once after an SMTP 5xx reply', async () => {
    const due = delivery();

    const outcomes = await dispatchOnce([due], new FakeTransport(smtpError(550, '550 5.1.1 mailbox unavailable')));

    expect(outcomes).toEqual([{ kind: 'failed', id: due.id, attempts: 1, error: '550 5.1.1 mailbox unavailable' }]);
  });

  it('fails the delivery when its last allowed attempt fails, even transiently', async () => {
    const due = delivery(settings.maxAttempts - 1);

    const outcomes = await dispatchOnce([due], new FakeTransport(smtpError(421, '421 service not available')));

    expect(outcomes).toEqual([{ kind: 'failed', id: due.id, attempts: settings.maxAttempts, error: '421 service not available' }]);
  });

  it('keeps the recorded error short', async () => {
    const due = delivery();

    const outcomes = await dispatchOnce([due], new FakeTransport(smtpError(451, `451 ${'x'.repeat(2_000)}`)));

    expect((outcomes[0] as Extract<Outcome, { kind: 'retry' }>).error).toHaveLength(500);
  });

  it('handles each delivery of a batch on its own', async () => {
    const [first, second] = [delivery(), delivery()];

    const outcomes = await dispatchOnce([first!, second!], new FakeTransport());

    expect(outcomes.map((outcome) => [outcome.kind, outcome.id]).sort()).toEqual(
      [
        ['sent', first!.id],
        ['sent', second!.id],
      ].sort(),
    );
  });
});
