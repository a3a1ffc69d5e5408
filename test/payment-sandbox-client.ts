import type { ChargeObject, EventObject, PaymentIntentObject, WebhookDelivery, WebhookFaults } from '@msp/payment-sandbox';

/**
 * The payment sandbox as a test sees it from outside: its Stripe API (what the gateway really holds)
 * and its control API (fault switches, the charge and delivery logs).
 */
export class PaymentSandboxClient {
  constructor(readonly baseUrl: string) {}

  /** Every charge the sandbox made for one project (the intents carry our project id), failed ones included. */
  async chargesOf(projectId: string): Promise<ChargeObject[]> {
    const { data } = (await this.control('GET', '/__sandbox/charges')) as { data: ChargeObject[] };
    return data.filter((charge) => charge.metadata.project_id === projectId);
  }

  async intentsOf(projectId: string): Promise<PaymentIntentObject[]> {
    const query = encodeURIComponent(`metadata['project_id']:'${projectId}'`);
    return ((await this.api('GET', `/v1/payment_intents/search?limit=100&query=${query}`)) as { data: PaymentIntentObject[] }).data;
  }

  async events(): Promise<EventObject[]> {
    return ((await this.api('GET', '/v1/events?limit=100')) as { data: EventObject[] }).data;
  }

  setFaults(faults: Partial<WebhookFaults>): Promise<unknown> {
    return this.control('PUT', '/__sandbox/faults', faults);
  }

  async deliveries(): Promise<{ held: number; deliveries: WebhookDelivery[] }> {
    return (await this.control('GET', '/__sandbox/webhooks')) as { held: number; deliveries: WebhookDelivery[] };
  }

  replay(eventId: string): Promise<unknown> {
    return this.control('POST', `/__sandbox/webhooks/replay/${eventId}`);
  }

  /**
   * Waits until every event so far has had its delivery settled (delivered, dropped or held), so a
   * fault switched on next applies to the next test's events only.
   */
  async quiet(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [events, { deliveries }] = await Promise.all([this.events(), this.deliveries()]);
      const settled = new Set(deliveries.filter((d) => d.outcome !== 'failed').map((d) => d.eventId));
      if (events.every((event) => settled.has(event.id))) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`sandbox webhooks still in flight after ${timeoutMs} ms`);
  }

  private async api(method: string, path: string): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: { authorization: 'Bearer sk_test_billing_suite' } });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return response.json();
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return response.json();
  }
}
