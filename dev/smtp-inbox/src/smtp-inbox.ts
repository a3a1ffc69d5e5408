import { FaultSwitch } from './fault-switch.js';
import { startInboxHttp } from './inbox-http.js';
import { silentLogger, type InboxLogger } from './inbox-logger.js';
import { DEFAULT_MAX_MESSAGES, MessageStore, type StoredMessage } from './message-store.js';
import { startSmtpReceiver } from './smtp-receiver.js';

export interface SmtpInboxOptions {
  /** Interface both servers bind to; loopback by default so a dev machine exposes nothing. */
  host?: string;
  /** 0 picks a free port; read the bound one from the returned SmtpInbox. */
  smtpPort: number;
  httpPort: number;
  /** Oldest messages are dropped beyond this many. */
  maxMessages?: number;
  logger?: InboxLogger;
}

export interface SmtpInbox {
  smtpPort: number;
  httpPort: number;
  /** Newest first. */
  messages(): StoredMessage[];
  clear(): void;
  close(): Promise<void>;
}

/** Starts the SMTP receiver and the HTTP API over one shared store; both are bound on return. */
export async function startSmtpInbox(options: SmtpInboxOptions): Promise<SmtpInbox> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const store = new MessageStore(options.maxMessages ?? DEFAULT_MAX_MESSAGES);
  const faults = new FaultSwitch();

  const smtp = await startSmtpReceiver({ host, port: options.smtpPort, store, faults, logger });
  const http = await startInboxHttp({ host, port: options.httpPort, smtpPort: smtp.port, store, faults, logger }).catch(
    async (error: unknown) => {
      // Do not leave the SMTP port bound when the HTTP port is taken.
      await smtp.close();
      throw error;
    },
  );

  return {
    smtpPort: smtp.port,
    httpPort: http.port,
    messages: () => store.list(),
    clear: () => store.clear(),
    close: async () => {
      await Promise.all([http.close(), smtp.close()]);
    },
  };
}
