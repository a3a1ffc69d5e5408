import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { FaultSwitch, InjectedFaultError } from './fault-switch.js';
import type { InboxLogger } from './inbox-logger.js';
import { parseMessage } from './message-parser.js';
import type { MessageStore } from './message-store.js';

/** Generous for a dev inbox, but bounded so a runaway sender cannot exhaust memory. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** How long close() lets a client finish its transaction before the socket is cut. */
const CLOSE_GRACE_MS = 1_000;

export interface SmtpReceiverOptions {
  host: string;
  port: number;
  store: MessageStore;
  faults: FaultSwitch;
  logger: InboxLogger;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const { store, faults, logger } = options;
  // The fault decision is made once per message (MAIL FROM) and applied to all its recipients.
  const faultOfTransaction = new WeakMap<SMTPServerSession, InjectedFaultError | null>();

  const server = new SMTPServer({
    name: 'smtp-inbox.local',
    banner: 'msp dev inbox',
    // Any client may send without credentials; if it authenticates anyway, accept what it offers.
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'dev' }),
    // smtp-server's built-in certificate has expired, so offering STARTTLS would break clients.
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    // Real MTAs answer "451 4.3.0 …"; senders that classify failures by the enhanced code need it.
    hideENHANCEDSTATUSCODES: false,
    disableReverseLookup: true,
    closeTimeout: CLOSE_GRACE_MS,
    logger: false,
    onMailFrom: (_address, session, callback) => {
      faultOfTransaction.set(session, faults.takeForMessage());
      callback();
    },
    onRcptTo: (address, session, callback) => {
      const fault = faultOfTransaction.get(session) ?? null;
      if (fault) logger.info({ to: address.address, code: fault.responseCode }, 'rejecting recipient (injected fault)');
      callback(fault);
    },
    onData: (stream, session, callback) => {
      collect(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(smtpError(552, `Message exceeds ${MAX_MESSAGE_BYTES} bytes`));
          const receivedAt = new Date();
          const envelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          };
          const stored = store.add(await parseMessage(raw, envelope, receivedAt), receivedAt);
          logger.info(
            {
              id: stored.id,
              from: stored.from.Address,
              to: envelope.rcptTo,
              subject: stored.subject,
              size: stored.size,
            },
            'message received',
          );
          callback(null, `OK: queued as ${stored.id}`);
        })
        .catch((error: unknown) => {
          logger.warn({ err: String(error) }, 'could not store message');
          callback(smtpError(451, 'Local error in processing'));
        });
    },
  });
  // Client resets and protocol errors surface here; they must not crash the inbox.
  server.on('error', (error) => logger.warn({ err: error.message }, 'smtp error'));

  const port = await new Promise<number>((resolve, reject) => {
    const netServer = server.listen(options.port, options.host, () => {
      netServer.off('error', reject);
      const address = netServer.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
    netServer.once('error', reject);
  });

  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Buffers the DATA stream; once over the limit it only drains, as the message will be refused. */
function collect(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
