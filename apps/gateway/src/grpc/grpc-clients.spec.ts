import { createServer as createNetServer } from 'node:net';
import { authV1, userV1 } from '@msp/contracts';
import {
  callerOf,
  createLogger,
  DomainError,
  MetadataKey,
  startGrpcServer,
  type Caller,
  type ErrorStatusMapper,
  type GrpcServer,
} from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../config.js';
import { startGateway, type RunningGateway } from '../gateway.js';
import { issueToken, jwksJsonOf, makeSigningKey } from '../testing/gateway-harness.js';

class TakenError extends DomainError<'EMAIL_TAKEN'> {}
/** ALREADY_EXISTS (6), as the auth service maps EMAIL_TAKEN. */
const takenToAlreadyExists = ((error: DomainError) => (error instanceof TakenError ? 6 : undefined)) as ErrorStatusMapper;

/** nice-grpc needs every RPC of a service: the ones a test does not use fail. */
function implementation<T>(definition: { methods: Record<string, unknown> }, impl: Partial<T>): T {
  const unused = Object.fromEntries(
    Object.keys(definition.methods).map((name) => [name, () => Promise.reject(new Error(`${name} not used here`))]),
  );
  return { ...unused, ...impl } as T;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('gateway over real gRPC channels', () => {
  const logger = createLogger('gateway-test', 'silent');
  const received: Array<{ caller: Caller | undefined; correlationId: unknown }> = [];
  let auth: GrpcServer;
  let user: GrpcServer;
  let gateway: RunningGateway;
  let url: string;
  let token: string;

  beforeAll(async () => {
    const key = await makeSigningKey('EdDSA');
    token = await issueToken(key, { sub: 'a1b2c3d4-0000-4000-8000-000000000001', sid: 's-1', roles: ['user'] });
    const createdAt = new Date('2024-02-02T00:00:00Z');
    auth = await startGrpcServer({ host: '127.0.0.1', port: 0, logger, errorMappers: [takenToAlreadyExists] }, (server) =>
      server.add(
        authV1.AuthServiceDefinition,
        implementation<authV1.AuthServiceImplementation>(authV1.AuthServiceDefinition, {
          getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
          register: async () => {
            throw new TakenError('EMAIL_TAKEN', 'This email is already registered.', [{ path: 'email', message: 'taken' }]);
          },
          getAccount: async (_request, context) => {
            received.push({ caller: callerOf(context), correlationId: context.metadata.get(MetadataKey.correlationId) });
            return {
              account: {
                userId: callerOf(context)?.userId ?? '',
                email: 'a@example.com',
                roles: ['user'],
                emailVerified: false,
                mfaEnabled: false,
                createdAt,
              },
            };
          },
        }),
      ),
    );
    user = await startGrpcServer({ host: '127.0.0.1', port: 0, logger, errorMappers: [] }, (server) =>
      server.add(
        userV1.UserServiceDefinition,
        implementation<userV1.UserServiceImplementation>(userV1.UserServiceDefinition, {
          getProfile: async (request, context) => {
            received.push({ caller: callerOf(context), correlationId: context.metadata.get(MetadataKey.correlationId) });
            return {
              profile: {
                userId: request.userId,
                email: 'a@example.com',
                displayName: 'A',
                locale: 'en',
                timezone: 'UTC',
                avatarUrl: 'https://x.example/a.png',
                createdAt,
              },
            };
          },
        }),
      ),
    );
    const config = loadGatewayConfig({
      GATEWAY_PORT: '0',
      AUTH_GRPC_URL: `127.0.0.1:${auth.port}`,
      USER_GRPC_URL: `127.0.0.1:${user.port}`,
      PROJECT_GRPC_URL: `127.0.0.1:${await freePort()}`,
      COMMS_GRPC_URL: `127.0.0.1:${await freePort()}`,
    });
    gateway = await startGateway(config, logger);
    url = `http://127.0.0.1:${gateway.port}`;
  });
  afterAll(async () => {
    await gateway.close();
    await Promise.all([auth.shutdown(1_000), user.shutdown(1_000)]);
  });

  it('carries the verified caller and correlation id in metadata, never a client-sent x-caller', async () => {
    received.length = 0;
    const response = await fetch(`${url}/api/v1/me`, {
      headers: {
        authorization: `Bearer ${token}`,
        'x-request-id': 'grpc-corr-1',
        'x-caller': JSON.stringify({ userId: 'evil', sessionId: 'evil', roles: ['admin'] }),
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'a1b2c3d4-0000-4000-8000-000000000001', avatarUrl: 'https://x.example/a.png' });
    expect(received).toHaveLength(2);
    for (const call of received) {
      expect(call).toEqual({
        caller: { userId: 'a1b2c3d4-0000-4000-8000-000000000001', sessionId: 's-1', roles: ['user'] },
        correlationId: 'grpc-corr-1',
      });
    }
  });

  it("maps a service's domain error, code and fields from the trailers", async () => {
    const response = await fetch(`${url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', password: 'long enough', displayName: 'A' }),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'EMAIL_TAKEN',
      detail: 'This email is already registered.',
      errors: [{ path: 'email', message: 'taken' }],
    });
  });

  it('checks readiness with the standard gRPC health service', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'down',
      checks: { auth: { status: 'ok' }, user: { status: 'ok' }, project: { status: 'down' }, comms: { status: 'down' } },
    });
  });

  it('answers 503 UNAVAILABLE when a backend is unreachable', async () => {
    const response = await fetch(`${url}/api/v1/projects`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'UNAVAILABLE' });
  });
});
