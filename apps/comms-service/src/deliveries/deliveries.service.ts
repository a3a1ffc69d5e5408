import { decodeCursor, pageSize, toPage, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { CommsError } from '../comms.errors.js';
import { DeliveriesRepository, type DeliveryLogEntry } from './deliveries.repository.js';

@Injectable()
export class DeliveriesService {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  /** The delivery log, newest first: platform administrators only. */
  async list(caller: Caller | undefined, limit: number, cursor: string): Promise<{ items: DeliveryLogEntry[]; nextCursor: string }> {
    if (!caller) throw new CommsError('UNAUTHENTICATED', 'Sign in first.');
    if (!caller.roles.includes('admin')) throw new CommsError('FORBIDDEN', 'Only administrators can read the delivery log.');
    const after = decodeCursor(cursor);
    if (cursor && !after) throw new CommsError('VALIDATION_FAILED', 'The cursor is invalid.', [{ path: 'cursor', message: 'is invalid' }]);
    const size = pageSize(limit);
    return toPage(await this.deliveries.list(size + 1, after), size);
  }
}
