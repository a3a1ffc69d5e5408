import { Controller, Inject } from '@nestjs/common';
import { COMMS_CLIENT, type CommsClient } from '../grpc/grpc-clients.module.js';
import { pageQuery, type PageQuery } from '../http/common.dto.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import {
  emailDeliveryPage,
  emailDeliveryParams,
  emailDeliveryResponse,
  toEmailDeliveryPage,
  toResentDelivery,
  type EmailDeliveryPage,
  type EmailDeliveryParams,
  type EmailDeliveryResponse,
} from './admin-emails.dto.js';

@Controller()
export class AdminEmailsController {
  constructor(@Inject(COMMS_CLIENT) private readonly comms: CommsClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/admin/emails',
    tag: 'Admin',
    auth: 'admin',
    status: 200,
    summary: 'The email delivery log, newest first',
    query: pageQuery,
    response: emailDeliveryPage,
    errors: [],
  })
  async listEmailDeliveries(@ValidQuery() query: PageQuery): Promise<EmailDeliveryPage> {
    return toEmailDeliveryPage(await this.comms.listEmailDeliveries({ limit: query.limit, cursor: query.cursor ?? '' }));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/admin/emails/{id}/resend',
    tag: 'Admin',
    auth: 'admin',
    // It sends an email: the budget of the other routes that do.
    rateLimit: 'sensitive',
    status: 202,
    summary: 'Send a logged email again: a new delivery with the same content is queued',
    description:
      'Answers the new delivery; the logged one is left as it was. Honours `Idempotency-Key`, so a retried request queues one email.',
    idempotent: true,
    params: emailDeliveryParams,
    response: emailDeliveryResponse,
    errorCodes: { 404: ['DELIVERY_NOT_FOUND'] },
    errors: [],
  })
  async resendEmailDelivery(@ValidParams() params: EmailDeliveryParams): Promise<EmailDeliveryResponse> {
    return toResentDelivery(await this.comms.resendEmailDelivery({ id: params.id }));
  }
}
