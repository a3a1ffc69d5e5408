import { Controller, Inject } from '@nestjs/common';
import { COMMS_CLIENT, type CommsClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidQuery } from '../http/valid-input.decorator.js';
import {
  toUnsubscribed,
  unsubscribeBody,
  unsubscribeQuery,
  unsubscribeResponse,
  type UnsubscribeBody,
  type UnsubscribeQuery,
  type UnsubscribeResponse,
} from './unsubscribe.dto.js';

/** The target of the unsubscribe link and `List-Unsubscribe` header of every email that can be turned off. */
@Controller()
export class UnsubscribeController {
  constructor(@Inject(COMMS_CLIENT) private readonly comms: CommsClient) {}

  @Endpoint({
    method: 'POST',
    path: '/api/v1/unsubscribe',
    tag: 'Notifications',
    auth: 'public',
    // It redeems an emailed token, like verifying an address. Mail providers send one-click requests
    // for many users from few addresses, so not the tighter budget of sign-up and password resets.
    rateLimit: 'auth',
    status: 200,
    summary: 'Turn off the email category an unsubscribe token names (RFC 8058 one-click)',
    description:
      'No sign-in: the signed token alone says who and what. Mail clients POST the form `List-Unsubscribe=One-Click`; an empty or JSON body works too. Unsubscribing again changes nothing.',
    query: unsubscribeQuery,
    body: unsubscribeBody,
    acceptsForm: true,
    response: unsubscribeResponse,
    errorCodes: { 400: ['INVALID_TOKEN'] },
    errors: [],
  })
  async unsubscribe(@ValidQuery() query: UnsubscribeQuery, @ValidBody() _oneClick: UnsubscribeBody): Promise<UnsubscribeResponse> {
    return toUnsubscribed(await this.comms.unsubscribe({ token: query.token }));
  }
}
