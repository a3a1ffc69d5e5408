import { simpleParser, type AddressObject, type Attachment, type EmailAddress, type HeaderLines } from 'mailparser';
import type { AttachmentInfo, MailAddress, NewMessage } from './message-store.js';

/** What the SMTP session knew about the message, as opposed to what its headers claim. */
export interface Envelope {
  mailFrom: string;
  rcptTo: string[];
}

/** Parses the raw source once at arrival so every API read is a plain lookup. */
export async function parseMessage(raw: Buffer, envelope: Envelope, receivedAt: Date): Promise<NewMessage> {
  const mail = await simpleParser(raw);
  const to = addresses(mail.to);
  const cc = addresses(mail.cc);
  const headers = headerMap(mail.headerLines);
  const returnPath = headers['Return-Path']?.[0]?.replace(/^<|>$/g, '') ?? envelope.mailFrom;
  return {
    messageId: (mail.messageId ?? '').replace(/^<|>$/g, ''),
    from: addresses(mail.from)[0] ?? { Name: '', Address: envelope.mailFrom },
    to,
    cc,
    bcc: blindRecipients(addresses(mail.bcc), envelope.rcptTo, [...to, ...cc]),
    replyTo: addresses(mail.replyTo),
    returnPath,
    subject: mail.subject ?? '',
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : receivedAt,
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    headers,
    attachments: mail.attachments.filter((part) => !isInline(part)).map(attachmentInfo),
    inline: mail.attachments.filter(isInline).map(attachmentInfo),
    raw,
    size: raw.length,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (!field) return [];
  const objects = Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.flatMap(flattenGroup));
}

/** Group syntax ("team: a@x, b@x;") nests members; API clients want the members themselves. */
function flattenGroup(entry: EmailAddress): MailAddress[] {
  if (entry.group) return entry.group.flatMap(flattenGroup);
  return [{ Name: entry.name ?? '', Address: entry.address ?? '' }];
}

/**
 * Bcc never survives in the headers of a well-behaved sender, so like Mailpit we recover it from
 * the envelope: every RCPT TO that no To or Cc header mentions was a blind copy.
 */
function blindRecipients(fromHeader: MailAddress[], rcptTo: string[], visible: MailAddress[]): MailAddress[] {
  const seen = new Set([...visible, ...fromHeader].map((entry) => entry.Address.toLowerCase()));
  const fromEnvelope = rcptTo.filter((address) => !seen.has(address.toLowerCase())).map((address) => ({ Name: '', Address: address }));
  return [...fromHeader, ...fromEnvelope];
}

/** Header name → values in arrival order, names canonicalised the way Mailpit (Go) reports them. */
function headerMap(lines: HeaderLines): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const { line } of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = canonicalHeaderName(line.slice(0, colon).trim());
    const value = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    (map[name] ??= []).push(value);
  }
  return map;
}

function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

function isInline(part: Attachment): boolean {
  return part.related === true || (part.contentDisposition === 'inline' && Boolean(part.cid));
}

function attachmentInfo(part: Attachment): AttachmentInfo {
  return {
    PartID: part.partId ?? '',
    FileName: part.filename ?? '',
    ContentType: part.contentType,
    ContentID: part.cid ?? '',
    Size: part.size,
  };
}
