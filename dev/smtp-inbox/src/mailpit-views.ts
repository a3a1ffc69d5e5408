import type { MailAddress, MessageStore, StoredMessage } from './message-store.js';

// Field names and shapes follow Mailpit's v1 API exactly (PascalCase included), so tools and
// tests written against Mailpit work against this inbox and the other way round.

const SNIPPET_LENGTH = 250;
export const DEFAULT_PAGE_SIZE = 50;

export function messageSummary(message: StoredMessage) {
  return {
    ID: message.id,
    MessageID: message.messageId,
    Read: message.read,
    From: message.from,
    To: message.to,
    Cc: message.cc,
    Bcc: message.bcc,
    ReplyTo: message.replyTo,
    Subject: message.subject,
    Created: message.created.toISOString(),
    Tags: [] as string[],
    Size: message.size,
    Attachments: message.attachments.length,
    Snippet: snippet(message),
  };
}

export function messageDetail(message: StoredMessage) {
  return {
    ID: message.id,
    MessageID: message.messageId,
    Read: message.read,
    From: message.from,
    To: message.to,
    Cc: message.cc,
    Bcc: message.bcc,
    ReplyTo: message.replyTo,
    ReturnPath: message.returnPath,
    Subject: message.subject,
    Date: message.date.toISOString(),
    Tags: [] as string[],
    Text: message.text,
    HTML: message.html,
    Size: message.size,
    Inline: message.inline,
    Attachments: message.attachments,
  };
}

export interface Page {
  start: number;
  limit: number;
}

/** Lenient like Mailpit: a missing or malformed value falls back to the default. */
export function pageFrom(params: URLSearchParams): Page {
  return {
    start: nonNegativeInt(params.get('start')) ?? 0,
    limit: nonNegativeInt(params.get('limit')) || DEFAULT_PAGE_SIZE,
  };
}

/** The list/search envelope; `matching` is the (possibly filtered) newest-first selection. */
export function messagesPage(store: MessageStore, matching: StoredMessage[], page: Page) {
  const messages = matching.slice(page.start, page.start + page.limit).map(messageSummary);
  return {
    total: store.total,
    unread: store.unread,
    count: messages.length,
    messages_count: matching.length,
    messages_unread: matching.filter((message) => !message.read).length,
    start: page.start,
    tags: [] as string[],
    messages,
  };
}

/**
 * A small subset of Mailpit's search syntax: `to:`, `from:`, `subject:`, `is:read`, `is:unread`,
 * bare words (matched against subject, body and addresses), `"quoted phrases"` and `-` to negate.
 */
export function searchMessages(messages: StoredMessage[], query: string): StoredMessage[] {
  const terms = [...query.matchAll(/-?(?:\w+:)?(?:"[^"]*"|\S+)/g)].map((match) => parseTerm(match[0]));
  return messages.filter((message) => terms.every((term) => term.negated !== term.matches(message)));
}

interface SearchTerm {
  negated: boolean;
  matches(message: StoredMessage): boolean;
}

function parseTerm(token: string): SearchTerm {
  const negated = token.startsWith('-');
  const body = negated ? token.slice(1) : token;
  const colon = body.indexOf(':');
  const field = colon > 0 && !body.startsWith('"') ? body.slice(0, colon).toLowerCase() : '';
  const value = unquote(field ? body.slice(colon + 1) : body).toLowerCase();
  const has = (text: string) => text.toLowerCase().includes(value);
  const hasAddress = (list: MailAddress[]) => list.some((entry) => has(entry.Address) || has(entry.Name));
  switch (field) {
    case 'to':
      return { negated, matches: (m) => hasAddress([...m.to, ...m.cc, ...m.bcc]) };
    case 'from':
      return { negated, matches: (m) => hasAddress([m.from]) };
    case 'subject':
      return { negated, matches: (m) => has(m.subject) };
    case 'is':
      return { negated, matches: (m) => (value === 'read' ? m.read : value === 'unread' ? !m.read : false) };
    default:
      return {
        negated,
        matches: (m) => has(m.subject) || has(m.text) || hasAddress([m.from, ...m.to, ...m.cc, ...m.bcc]),
      };
  }
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function nonNegativeInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

function snippet(message: StoredMessage): string {
  const source = message.text || message.html.replace(/<style[\s\S]*?<\/style>|<[^>]*>/gi, ' ');
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}...` : flat;
}
