import nodemailer, { type Transporter } from 'nodemailer';

export const MAIL_TRANSPORT = Symbol('MailTransport');

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so a receiving system can recognise a resend of the same email. */
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer with a connection pool. */
export function smtpTransport(url: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(url, { pool: true, maxConnections: 3 } as never);
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

/** SMTP replies 4xx and connection failures are worth another try; 5xx replies are final. */
export function isPermanentFailure(error: unknown): boolean {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}
