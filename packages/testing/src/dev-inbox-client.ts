/** Reads the dev SMTP inbox through its Mailpit-compatible API, as an outside client would. */
export interface InboxMessageSummary {
  ID: string;
  To: Array<{ Address: string }>;
  Subject: string;
}

export interface InboxMessage extends InboxMessageSummary {
  Text: string;
  HTML: string;
}

export class DevInboxClient {
  constructor(private readonly baseUrl: string) {}

  async messagesTo(address: string): Promise<InboxMessageSummary[]> {
    const response = await fetch(`${this.baseUrl}/api/v1/messages?limit=1000`);
    const list = (await response.json()) as { messages: InboxMessageSummary[] };
    return list.messages.filter((message) => message.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
  }

  async message(id: string): Promise<InboxMessage> {
    return (await (await fetch(`${this.baseUrl}/api/v1/message/${id}`)).json()) as InboxMessage;
  }

  /** Waits for the first email to `address` and returns it whole. */
  async waitForMessageTo(address: string, timeoutMs = 20_000): Promise<InboxMessage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [first] = await this.messagesTo(address);
      if (first) return this.message(first.ID);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no email to ${address} within ${timeoutMs} ms`);
  }

  /** The `token` query parameter of the first link in a message (verification, reset, invitation). */
  static tokenIn(message: InboxMessage): string {
    const match = `${message.Text} ${message.HTML}`.replaceAll('&amp;', '&').match(/[?&]token=([A-Za-z0-9._~%-]+)/);
    if (!match?.[1]) throw new Error(`no token link in the email "${message.Subject}"`);
    return decodeURIComponent(match[1]);
  }
}
