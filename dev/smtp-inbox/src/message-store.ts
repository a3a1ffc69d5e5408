import { randomBytes } from 'node:crypto';

/** An address as Mailpit spells it, so clients written against Mailpit read ours unchanged. */
export interface MailAddress {
  Name: string;
  Address: string;
}

export interface AttachmentInfo {
  PartID: string;
  FileName: string;
  ContentType: string;
  ContentID: string;
  Size: number;
}

/** One captured message: what was parsed out of it plus the untouched source. */
export interface StoredMessage {
  id: string;
  messageId: string;
  read: boolean;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  returnPath: string;
  subject: string;
  /** The Date header, or the arrival time when the sender left it out. */
  date: Date;
  /** When the inbox received it. */
  created: Date;
  text: string;
  html: string;
  headers: Record<string, string[]>;
  attachments: AttachmentInfo[];
  inline: AttachmentInfo[];
  raw: Buffer;
  size: number;
}

export type NewMessage = Omit<StoredMessage, 'id' | 'read' | 'created'>;

export const DEFAULT_MAX_MESSAGES = 1000;

/**
 * Newest-first, bounded in-memory store. The bound keeps a long-running dev inbox from growing
 * without limit when a service loops on sending; the oldest mail is dropped first.
 */
export class MessageStore {
  private readonly newestFirst: StoredMessage[] = [];
  private readonly byId = new Map<string, StoredMessage>();

  constructor(private readonly maxMessages = DEFAULT_MAX_MESSAGES) {
    if (!Number.isInteger(maxMessages) || maxMessages < 1) {
      throw new RangeError(`maxMessages must be a positive integer, got ${maxMessages}`);
    }
  }

  add(message: NewMessage, created = new Date()): StoredMessage {
    const stored: StoredMessage = { ...message, id: this.newId(), read: false, created };
    this.newestFirst.unshift(stored);
    this.byId.set(stored.id, stored);
    while (this.newestFirst.length > this.maxMessages) {
      const dropped = this.newestFirst.pop();
      if (dropped) this.byId.delete(dropped.id);
    }
    return stored;
  }

  /** A copy, so callers can filter and page without touching the store's order. */
  list(): StoredMessage[] {
    return [...this.newestFirst];
  }

  get(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  latest(): StoredMessage | undefined {
    return this.newestFirst[0];
  }

  markRead(id: string): void {
    const message = this.byId.get(id);
    if (message) message.read = true;
  }

  get total(): number {
    return this.newestFirst.length;
  }

  get unread(): number {
    return this.newestFirst.reduce((count, message) => count + (message.read ? 0 : 1), 0);
  }

  /** Deletes the given ids (unknown ones are ignored, as Mailpit does) and returns how many went. */
  delete(ids: readonly string[]): number {
    const doomed = new Set(ids.filter((id) => this.byId.has(id)));
    if (doomed.size === 0) return 0;
    for (const id of doomed) this.byId.delete(id);
    const kept = this.newestFirst.filter((message) => !doomed.has(message.id));
    this.newestFirst.splice(0, this.newestFirst.length, ...kept);
    return doomed.size;
  }

  clear(): void {
    this.newestFirst.length = 0;
    this.byId.clear();
  }

  /** Short url-safe ids; retried on the (unlikely) collision so an id never names two messages. */
  private newId(): string {
    for (;;) {
      const id = randomBytes(9).toString('base64url');
      if (!this.byId.has(id)) return id;
    }
  }
}
