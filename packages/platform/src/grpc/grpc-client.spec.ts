import { opsV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { connectService, MAX_RECEIVE_MESSAGE_BYTES, type ServiceConnection } from './grpc-client.js';
import { startGrpcServer, type GrpcServer } from './grpc-server.js';

/** A service whose one answer is as large as a test asks: any small definition serves. */
function answering(payloadBytes: () => number): opsV1.DeadLetterServiceImplementation {
  return {
    listDeadLetters: async () => ({
      items: [{ id: 'q:1', queue: 'q', eventId: '1', eventType: '', payloadJson: 'x'.repeat(payloadBytes()), reason: '', attempts: 1 }],
    }),
    redriveDeadLetter: async () => ({}),
  };
}

describe('service clients', () => {
  let size = 0;
  let server: GrpcServer;
  let connection: ServiceConnection<typeof opsV1.DeadLetterServiceDefinition>;

  beforeAll(async () => {
    server = await startGrpcServer({ host: '127.0.0.1', port: 0, logger: createLogger('test', 'silent'), errorMappers: [] }, (grpc) =>
      grpc.add(
        opsV1.DeadLetterServiceDefinition,
        answering(() => size),
      ),
    );
    connection = connectService(opsV1.DeadLetterServiceDefinition, `127.0.0.1:${server.port}`, { deadlineMs: 10_000 });
  });

  afterAll(async () => {
    connection?.close();
    await server?.shutdown(1_000);
  });

  it("accept answers far above grpc-js's 4 MiB default (a data export can be that large)", async () => {
    size = 12 * 1024 * 1024;
    const answer = await connection.client.listDeadLetters({ limit: 1 });
    expect(answer.items[0]?.payloadJson).toHaveLength(size);
  });

  it('still refuse an answer above the bound', async () => {
    size = MAX_RECEIVE_MESSAGE_BYTES + 1;
    await expect(connection.client.listDeadLetters({ limit: 1 })).rejects.toThrow(/RESOURCE_EXHAUSTED|larger than max/i);
  });
});
