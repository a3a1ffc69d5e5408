import { Controller, Inject } from '@nestjs/common';
import { BILLING_CLIENT, type BillingClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidHeaders } from '../http/valid-input.decorator.js';
import { RawBody } from './billing-request.decorators.js';
import { webhookHeaders, webhookResponse, type WebhookHeaders, type WebhookResponse } from './billing.dto.js';

/**
 * The payment gateway's webhooks. Its signature covers the body's exact bytes, so they go to the
 * project service untouched (never parsed and re-serialized); the service verifies and applies them.
 */
@Controller()
export class PaymentWebhooksController {
  constructor(@Inject(BILLING_CLIENT) private readonly billing: BillingClient) {}

  @Endpoint({
    method: 'POST',
    path: '/api/v1/webhooks/payments',
    tag: 'Billing',
    auth: 'public',
    status: 200,
    summary: 'Webhook of the payment gateway (Stripe-compatible): signed raw JSON body',
    description:
      'Verified on the raw body with the `Stripe-Signature` header (HMAC and timestamp tolerance): a bad signature or an old ' +
      'timestamp is 400 and changes nothing. Each event applies once, whatever the number or order of deliveries.',
    rawBody: true,
    headers: webhookHeaders,
    response: webhookResponse,
    errorCodes: { 400: ['INVALID_SIGNATURE'] },
    errors: [],
  })
  async receivePaymentWebhook(@RawBody() rawBody: Buffer, @ValidHeaders() headers: WebhookHeaders): Promise<WebhookResponse> {
    await this.billing.handlePaymentWebhook({ rawBody, signature: headers['stripe-signature'] });
    return { received: true };
  }
}
