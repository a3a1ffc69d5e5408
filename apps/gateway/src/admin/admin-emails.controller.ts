import { Controller, Inject } from '@nestjs/common';
import { COMMS_CLIENT, type CommsClient } from '../grpc/grpc-clients.module.js';
import { pageQuery, type PageQuery } from '../http/common.dto.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidQuery } from '../http/valid-input.decorator.js';
import { emailDeliveryPage, toEmailDeliveryPage, type EmailDeliveryPage } from './admin-emails.dto.js';

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
}
