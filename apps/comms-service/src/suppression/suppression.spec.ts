import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { commsConsumerKit, eventOf, FakeTransport, smtpError, type CommsKit } from '../testing/comms-consumer-kit.js';
import { isHardBounce } from './suppression-rules.js';

const mailboxUnavailable = () => smtpError(550, 'Recipient command failed: 550 5.1.1 mailbox unavailable', 'RCPT TO');

describe('suppressing addresses that hard-bounce', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  async function dispatchOnce(transport: FakeTransport) {
    const dispatcher = kit.dispatcher(transport);
    dispatcher.start();
    await dispatcher.stop();
  }

  const signedIn = (userId: string, email: string, time?: string) =>
    eventOf(
      'auth.user.signed_in.v1',
      { userId, email, sessionId: randomUUID(), ip: '::1', userAgent: 'curl', at: new Date().toISOString() },
      time,
    );
  const verificationRequested = (userId: string, email: string) =>
    eventOf('auth.email_verification.requested.v1', {
      userId,
      email,
      displayName: 'Ada',
      locale: 'en',
      token: 'tok_abcdefghijklmnopqrstuvwxyz',
      expiresAt: '2099-01-01T00:00:00Z',
    });

  /** A user whose address bounced once: their first email got a 550 to RCPT TO. */
  async function bounced() {
    const { userId, email } = await kit.registered();
    const first = signedIn(userId, email);
    await kit.consumer.handle(first);
    await dispatchOnce(new FakeTransport(mailboxUnavailable()));
    return { userId, email, first: (await kit.deliveriesOf(first.id))[0]! };
  }

  it('fails the delivery and suppresses the address after a 5xx reply to RCPT TO', async () => {
    const { email, first } = await bounced();

    expect(first).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Recipient command failed: 550 5.1.1 mailbox unavailable' });
    expect(await kit.suppressions.find(email.toUpperCase())).toMatchObject({ address: email, deliveryId: first.id });
  });

  it('fails later email to a suppressed address with a clear error, without contacting SMTP', async () => {
    const { userId, email } = await bounced();
    const later = signedIn(userId, email);
    await kit.consumer.handle(later);
    const transport = new FakeTransport();

    await dispatchOnce(transport);

    const [delivery] = await kit.deliveriesOf(later.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 0 });
    expect(delivery!.lastError).toMatch(
      new RegExp(
        `^Not sent: ${email.replace(/[.]/g, '\\.')} is suppressed after a hard bounce on .* \\(.*550 5\\.1\\.1.*\\); it is lifted when the address is verified again\\.$`,
      ),
    );
    expect(transport.sent.filter((mail) => mail.to === email)).toEqual([]);
  });

  it('still tries the verification email, the way out of a suppression', async () => {
    const { userId, email } = await bounced();
    const verify = verificationRequested(userId, email);
    await kit.consumer.handle(verify);
    const transport = new FakeTransport();

    await dispatchOnce(transport);

    expect((await kit.deliveriesOf(verify.id))[0]).toMatchObject({ status: 'sent' });
    expect(transport.sent.map((mail) => mail.to)).toContain(email);
  });

  it('lifts the suppression when the address is verified afterwards, so mail flows again', async () => {
    const { userId, email } = await bounced();

    await kit.consumer.handle(eventOf('auth.email.verified.v1', { userId, email: email.toUpperCase() }));
    const later = signedIn(userId, email);
    await kit.consumer.handle(later);
    await dispatchOnce(new FakeTransport());

    expect(await kit.suppressions.find(email)).toBeUndefined();
    expect((await kit.deliveriesOf(later.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps the suppression when the verification is older than the bounce (an event that arrived late)', async () => {
    const { userId, email } = await bounced();

    await kit.consumer.handle(eventOf('auth.email.verified.v1', { userId, email }, '2000-01-01T00:00:00.000Z'));

    expect(await kit.suppressions.find(email)).toBeDefined();
  });

  it('suppresses nothing after a transient failure to RCPT TO', async () => {
    const { userId, email } = await kit.registered();
    await kit.consumer.handle(signedIn(userId, email));

    await dispatchOnce(new FakeTransport(smtpError(450, '450 4.2.1 mailbox busy', 'RCPT TO')));

    expect(await kit.suppressions.find(email)).toBeUndefined();
  });
});

describe('isHardBounce', () => {
  it.each([
    ['550 to RCPT TO', smtpError(550, '550 mailbox unavailable', 'RCPT TO'), true],
    ['553 to RCPT TO', smtpError(553, '553 5.1.3 bad address syntax', 'RCPT TO'), true],
    ['5.1.1 after DATA (servers that check recipients late)', smtpError(550, '550 5.1.1 user unknown', 'DATA'), true],
    ['554 spam rejection after DATA', smtpError(554, '554 5.7.1 rejected as spam', 'DATA'), false],
    ['503 to RCPT TO (sequence error)', smtpError(503, '503 5.5.1 bad sequence', 'RCPT TO'), false],
    ['451 to RCPT TO', smtpError(451, '451 try later', 'RCPT TO'), false],
    ['a connection failure', Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }), false],
    ['not an object', 'boom', false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isHardBounce(error)).toBe(expected);
  });
});
