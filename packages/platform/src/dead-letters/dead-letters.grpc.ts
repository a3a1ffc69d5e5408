import { opsV1 } from '@msp/contracts';
import type { CallContext } from 'nice-grpc';
import { callerOf } from '../grpc/grpc-server.js';
import type { DeadLetterAdmin, QueuedDeadLetter } from './dead-letters.service.js';

/** msp.ops.v1.DeadLetterService over one service's queues; every consuming service serves it. */
export class DeadLettersGrpc implements opsV1.DeadLetterServiceImplementation {
  constructor(private readonly deadLetters: DeadLetterAdmin) {}

  async listDeadLetters(request: opsV1.ListDeadLettersRequest, context: CallContext): Promise<opsV1.ListDeadLettersResponse> {
    return { items: (await this.deadLetters.list(callerOf(context), request.limit)).map(toProto) };
  }

  async redriveDeadLetter(request: opsV1.RedriveDeadLetterRequest, context: CallContext): Promise<opsV1.RedriveDeadLetterResponse> {
    await this.deadLetters.redrive(callerOf(context), request.id);
    return {};
  }
}

function toProto(letter: QueuedDeadLetter): opsV1.DeadLetter {
  const deadLetteredAt = new Date(letter.deadLetteredAt);
  return {
    id: letter.adminId,
    queue: letter.queue,
    eventId: letter.id,
    eventType: eventTypeOf(letter.event),
    // A poison message that is not JSON reaches us as its text; shown as it is.
    payloadJson: typeof letter.event === 'string' ? letter.event : (JSON.stringify(letter.event) ?? ''),
    reason: letter.reason,
    attempts: letter.attempts,
    // A message the broker dead-lettered by itself carries no time.
    deadLetteredAt: Number.isNaN(deadLetteredAt.getTime()) ? undefined : deadLetteredAt,
  };
}

/** The envelope's `type`, even when the rest of it failed validation: it is what an operator looks for first. */
function eventTypeOf(event: unknown): string {
  if (typeof event !== 'object' || event === null) return '';
  const type = (event as { type?: unknown }).type;
  return typeof type === 'string' ? type : '';
}
