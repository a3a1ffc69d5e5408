import type { commsV1 } from '@msp/contracts';
import { Injectable } from '@nestjs/common';
import { UnsubscribeService } from './unsubscribe.service.js';

type UnsubscribeRpcs = Pick<commsV1.CommsServiceImplementation, 'unsubscribe'>;

@Injectable()
export class UnsubscribeGrpc implements UnsubscribeRpcs {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  // No caller needed: the token alone authorizes, as the link works from a signed-out mail client.
  async unsubscribe(request: commsV1.UnsubscribeRequest): Promise<commsV1.UnsubscribeResponse> {
    return this.unsubscribes.unsubscribe(request.token);
  }
}
