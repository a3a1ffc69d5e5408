import { Controller, Inject } from '@nestjs/common';
import { DEAD_LETTER_CLIENTS, EVENT_CONSUMERS, type DeadLetterClients, type EventConsumer } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ProblemException } from '../http/problem.js';
import { ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import {
  consumerOfDeadLetter,
  deadLetterList,
  deadLetterParams,
  deadLetterQuery,
  toDeadLetterList,
  type DeadLetterList,
  type DeadLetterParams,
  type DeadLetterQuery,
} from './admin-dead-letters.dto.js';

const NOT_FOUND = 'DEAD_LETTER_NOT_FOUND';

/** Events that failed every retry, across the services that consume events: inspect and re-drive. */
@Controller()
export class AdminDeadLettersController {
  constructor(@Inject(DEAD_LETTER_CLIENTS) private readonly deadLetters: DeadLetterClients) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/admin/dead-letters',
    tag: 'Admin',
    auth: 'admin',
    status: 200,
    summary: 'Events that failed every retry, oldest first, from every consuming service',
    description: 'Dead letters stay where they are until re-driven, so there is no cursor: `nextCursor` is always null.',
    query: deadLetterQuery,
    response: deadLetterList,
    errors: [],
  })
  async listDeadLetters(@ValidQuery() query: DeadLetterQuery): Promise<DeadLetterList> {
    const answers = await Promise.all(EVENT_CONSUMERS.map((name) => this.deadLetters[name].listDeadLetters({ limit: query.limit })));
    return toDeadLetterList(answers, query.limit);
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/admin/dead-letters/{id}/redrive',
    tag: 'Admin',
    auth: 'admin',
    rateLimit: 'auth',
    status: 202,
    summary: 'Hand a dead letter back to its queue with a fresh retry budget',
    description: 'Only the queue it failed in gets it again. Accepted once re-queued; the handler runs later.',
    params: deadLetterParams,
    errorCodes: { 404: [NOT_FOUND] },
    errors: [],
  })
  async redriveDeadLetter(@ValidParams() params: DeadLetterParams): Promise<void> {
    await this.deadLetters[consumerOf(params.id)].redriveDeadLetter({ id: params.id });
  }
}

function consumerOf(id: string): EventConsumer {
  const consumer = consumerOfDeadLetter(id);
  if (!consumer) throw new ProblemException(404, NOT_FOUND, 'There is no such dead letter.');
  return consumer;
}
