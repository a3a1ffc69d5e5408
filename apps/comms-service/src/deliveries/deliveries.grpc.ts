import { commsV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { DeliveriesService } from './deliveries.service.js';

@Injectable()
export class DeliveriesGrpc implements commsV1.CommsServiceImplementation {
  constructor(private readonly deliveries: DeliveriesService) {}

  async listEmailDeliveries(
    request: commsV1.ListEmailDeliveriesRequest,
    context: CallContext,
  ): Promise<commsV1.ListEmailDeliveriesResponse> {
    const page = await this.deliveries.list(callerOf(context), request.limit, request.cursor);
    return {
      items: page.items.map((entry) => ({
        id: entry.id,
        to: entry.toAddress,
        template: entry.template,
        status: entry.status,
        attempts: entry.attempts,
        lastError: entry.lastError ?? '',
        createdAt: entry.createdAt,
        sentAt: entry.sentAt ?? undefined,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
