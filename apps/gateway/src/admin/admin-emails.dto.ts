import type { commsV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, isoOrNull, pageOf, timestamp } from '../http/common.dto.js';

export const emailDeliveryResponse = z.object({
  id: z.uuid(),
  to: z.string(),
  template: z.string(),
  status: z.string().describe('queued, sent or failed'),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
export type EmailDeliveryResponse = z.output<typeof emailDeliveryResponse>;

export const emailDeliveryParams = z.strictObject({ id: z.uuid() });
export type EmailDeliveryParams = z.output<typeof emailDeliveryParams>;

export const emailDeliveryPage = pageOf(emailDeliveryResponse);
export type EmailDeliveryPage = z.output<typeof emailDeliveryPage>;

function toEmailDelivery(delivery: commsV1.EmailDelivery): EmailDeliveryResponse {
  return {
    id: delivery.id,
    to: delivery.to,
    template: delivery.template,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: emptyToNull(delivery.lastError),
    createdAt: isoOf(delivery.createdAt, 'delivery.createdAt'),
    sentAt: isoOrNull(delivery.sentAt),
  };
}

export function toEmailDeliveryPage(response: commsV1.ListEmailDeliveriesResponse): EmailDeliveryPage {
  return { items: response.items.map(toEmailDelivery), nextCursor: emptyToNull(response.nextCursor) };
}

export function toResentDelivery(response: commsV1.ResendEmailDeliveryResponse): EmailDeliveryResponse {
  if (!response.delivery) throw new Error('comms service answered a resend without the new delivery');
  return toEmailDelivery(response.delivery);
}
