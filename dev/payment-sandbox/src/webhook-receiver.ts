import { createServer } from 'node:http';

/** One POST as it arrived: the raw body and signature are what `stripe.webhooks.constructEvent` needs. */
export interface ReceivedWebhook {
  rawBody: string;
  signature: string;
  /** The parsed body, for convenience; verify `rawBody` before trusting it. */
  event: { id: string; type: string; data: { object: { id: string; status?: string; [field: string]: unknown } } };
  /** The status this receiver answered with. */
  answeredWith: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request in arrival order, failed answers included. */
  received(): ReceivedWebhook[];
  /** Answer the next `times` requests (all, if omitted) with this status instead of 200. */
  failWith(status: number, times?: number): void;
  /** Resolves with the accepted (2xx-answered) webhooks once `count` have arrived; rejects after `timeoutMs`. */
  waitForAccepted(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  clear(): void;
  close(): Promise<void>;
}

/**
 * A minimal webhook endpoint that records what the sandbox sends, for tests of the sandbox and of
 * services that consume its webhooks without their own HTTP server at hand.
 */
export async function startWebhookReceiver(host = '127.0.0.1'): Promise<WebhookReceiver> {
  let requests: ReceivedWebhook[] = [];
  let failure: { status: number; remaining: number } | null = null;
  let waiters: Array<() => void> = [];
  const accepted = () => requests.filter((request) => request.answeredWith < 300);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let status = 200;
      if (failure) {
        status = failure.status;
        failure.remaining -= 1;
        if (failure.remaining <= 0) failure = null;
      }
      let event: ReceivedWebhook['event'];
      try {
        event = JSON.parse(rawBody) as ReceivedWebhook['event'];
      } catch {
        status = 400;
        event = { id: '', type: '', data: { object: { id: '' } } };
      }
      requests.push({ rawBody, signature: String(req.headers['stripe-signature'] ?? ''), event, answeredWith: status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ received: status < 300 }));
      for (const wake of waiters) wake();
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/webhooks/stripe`,
    received: () => [...requests],
    failWith: (status, times) => {
      failure = { status, remaining: times ?? Number.POSITIVE_INFINITY };
    },
    waitForAccepted: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (accepted().length < count) return;
          clearTimeout(timer);
          waiters = waiters.filter((waiter) => waiter !== check);
          resolve(accepted());
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== check);
          reject(new Error(`expected ${count} accepted webhooks within ${timeoutMs} ms, got ${accepted().length}`));
        }, timeoutMs);
        waiters.push(check);
        check();
      }),
    clear: () => {
      requests = [];
      failure = null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
