import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';

export const MAIL_TRANSPORT = Symbol('MailTransport');

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so a receiving system can recognise a resend of the same email. */
  messageId: string;
  /** The one-click unsubscribe address (RFC 8058); absent for emails that cannot be turned off. */
  unsubscribeUrl?: string | undefined;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpOptions {
  url: string;
  maxConnections: number;
}

/**
 * SMTP through nodemailer with a pool of connections. Every timeout is well below the dispatcher's
 * claim lease (60 s): a send that outlived its lease could be claimed and sent again by another replica.
 */
export function smtpTransport(options: SmtpOptions): MailTransport {
  // The URL's own query (e.g. ?pool=false) still wins over these, as nodemailer merges them.
  const transporter: Transporter = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections,
    maxMessages: 100,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (mail) => {
      await transporter.sendMail(sendMailOptions(mail));
    },
    close: () => transporter.close(),
  };
}

/**
 * The message as nodemailer takes it. An email that can be turned off gets RFC 2369
 * `List-Unsubscribe` (nodemailer's `list` option writes `<url>`) and RFC 8058's
 * `List-Unsubscribe-Post`, which tells mail clients that a POST to that URL unsubscribes in one click.
 */
export function sendMailOptions({ unsubscribeUrl, ...mail }: OutgoingMail): SendMailOptions {
  if (!unsubscribeUrl) return mail;
  return { ...mail, list: { unsubscribe: unsubscribeUrl }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}

/**
 * SMTP 5xx replies are final, 4xx replies and connection failures worth another try. Two 5xx are
 * not about the message: 503 (commands out of sequence) and a refused login (our configuration,
 * which an operator fixes), so those are retried too.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (code === 'EAUTH' || responseCode === 503) return false;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}
