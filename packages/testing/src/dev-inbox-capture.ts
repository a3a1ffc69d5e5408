/**
 * The dev inbox as a load test reads it: everything captured (paged through the Mailpit-compatible
 * API), counted per recipient, and its fault switch.
 */
export interface CapturedMessage {
  ID: string;
  /** The Message-ID header: one per delivery, the same on every resend of that delivery. */
  MessageID: string;
  To: Array<{ Address: string }>;
  Subject: string;
  /** When the inbox received it (ISO time). */
  Created: string;
}

export interface RecipientTally {
  /** Messages captured for the address, resends included. */
  messages: number;
  /** Distinct Message-IDs among them: distinct emails. */
  distinctIds: number;
  /** Time the first one was received (ms since epoch), or undefined. */
  firstAt: number | undefined;
}

export interface InboxFault {
  /** 421 closes the connection, 451 keeps it (both temporary), 550 is permanent; null clears. */
  rejectWith: 421 | 451 | 550 | null;
  count?: number;
  durationMs?: number;
}

const PAGE = 1000;

/** Every message the inbox holds, newest first. */
export async function capturedMessages(inboxUrl: string): Promise<CapturedMessage[]> {
  const all: CapturedMessage[] = [];
  for (let start = 0; ; start += PAGE) {
    const response = await fetch(`${inboxUrl}/api/v1/messages?start=${start}&limit=${PAGE}`);
    if (!response.ok) throw new Error(`dev inbox list → ${response.status}`);
    const page = (await response.json()) as { messages: CapturedMessage[] };
    all.push(...page.messages);
    if (page.messages.length < PAGE) return all;
  }
}

/** Tallies what arrived for each of `addresses` (case-insensitive), including those that got nothing. */
export function tallyByRecipient(messages: readonly CapturedMessage[], addresses: readonly string[]): Map<string, RecipientTally> {
  const wanted = new Map(
    addresses.map((address) => [address.toLowerCase(), { messages: 0, ids: new Set<string>(), firstAt: undefined as number | undefined }]),
  );
  for (const message of messages) {
    for (const to of message.To) {
      const entry = wanted.get(to.Address.toLowerCase());
      if (!entry) continue;
      entry.messages++;
      entry.ids.add(message.MessageID);
      const at = Date.parse(message.Created);
      if (entry.firstAt === undefined || at < entry.firstAt) entry.firstAt = at;
    }
  }
  return new Map(
    [...wanted].map(([address, entry]) => [address, { messages: entry.messages, distinctIds: entry.ids.size, firstAt: entry.firstAt }]),
  );
}

/** Sets the inbox's fault switch (`PUT /api/v1/dev/faults`). */
export async function setInboxFault(inboxUrl: string, fault: InboxFault): Promise<void> {
  const response = await fetch(`${inboxUrl}/api/v1/dev/faults`, { method: 'PUT', body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`dev inbox fault switch → ${response.status} ${await response.text()}`);
}

/** Deletes every captured message. */
export async function clearInbox(inboxUrl: string): Promise<void> {
  const response = await fetch(`${inboxUrl}/api/v1/messages`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`dev inbox clear → ${response.status}`);
}
