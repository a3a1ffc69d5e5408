import { VERIFY_EMAIL_TEMPLATE } from '../templates/verify-email.template.js';
import type { Suppression } from './suppressions.repository.js';

interface SmtpFailure {
  responseCode?: unknown;
  /** The SMTP command nodemailer was answering when it failed, e.g. `RCPT TO`. */
  command?: unknown;
  response?: unknown;
}

/**
 * A hard bounce: the receiving server refused the recipient for good (a 5xx reply to RCPT TO, or an
 * enhanced status 5.1.x "bad destination mailbox" at any step, as some servers check recipients only
 * after DATA). A 5xx for other reasons (a message refused as spam, a relay misconfiguration) says
 * nothing about the address and suppresses nothing. 503 is a protocol sequence error, not a bounce.
 */
export function isHardBounce(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, command, response } = error as SmtpFailure;
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode >= 600 || responseCode === 503) return false;
  return command === 'RCPT TO' || (typeof response === 'string' && /\b5\.1\.\d{1,3}\b/.test(response));
}

/**
 * The verification email is the one way an owner lifts a suppression (verifying proves the mailbox
 * works), so it is tried even to a suppressed address; if it bounces again the address stays suppressed.
 */
export function bypassesSuppression(template: string): boolean {
  return template === VERIFY_EMAIL_TEMPLATE.name;
}

/** What the delivery log says about an email that was not sent because its address is suppressed. */
export function suppressedError(suppression: Suppression): string {
  return (
    `Not sent: ${suppression.address} is suppressed after a hard bounce on ${suppression.suppressedAt.toISOString()} ` +
    `(${suppression.reason}); it is lifted when the address is verified again.`
  ).slice(0, 500);
}
