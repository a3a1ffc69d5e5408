import type { commsV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import type { DeliveryLogEntry } from './deliveries.repository.js';
import { DeliveriesService } from './deliveries.service.js';

type DeliveryRpcs = Pick<commsV1.CommsServiceImplementation, 'listEmailDeliveries' | 'resendEmailDelivery'>;

@Injectable()
export class DeliveriesGrpc implements DeliveryRpcs {
  constructor(private readonly deliveries: DeliveriesService) {}

  async listEmailDeliveries(
    request: commsV1.ListEmailDeliveriesRequest,
    context: CallContext,
  ): Promise<commsV1.ListEmailDeliveriesResponse> {
    const page = await this.deliveries.list(callerOf(context), request.limit, request.cursor);
    return { items: page.items.map(toMessage), nextCursor: page.nextCursor };
  }

  async resendEmailDelivery(
    request: commsV1.ResendEmailDeliveryRequest,
    context: CallContext,
  ): Promise<commsV1.ResendEmailDeliveryResponse> {
    return { delivery: toMessage(await this.deliveries.resend(callerOf(context), request.id)) };
  }
}

function toMessage(entry: DeliveryLogEntry): commsV1.EmailDelivery {
  return {
    id: entry.id,
    to: entry.toAddress,
    template: entry.template,
    status: entry.status,
    attempts: entry.attempts,
    lastError: entry.lastError ?? '',
    createdAt: entry.createdAt,
    sentAt: entry.sentAt ?? undefined,
  };
}
