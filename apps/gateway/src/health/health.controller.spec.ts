import { afterEach, describe, expect, it } from 'vitest';
import type { HealthProbe } from '../grpc/grpc-clients.module.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

const serving: HealthProbe = { check: async () => ({ status: 1 }) };
const notServing: HealthProbe = { check: async () => ({ status: 2 }) };
const unreachable: HealthProbe = { check: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:50053')) };

describe('health endpoints', () => {
  let gateway: TestGateway | undefined;
  afterEach(() => gateway?.close());

  it('is ready when every backend is SERVING', async () => {
    gateway = await startTestGateway({ health: { auth: serving, user: serving, project: serving, comms: serving } });
    const response = await fetch(`${gateway.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { auth: { status: 'ok' }, user: { status: 'ok' }, project: { status: 'ok' }, comms: { status: 'ok' } },
    });
  });

  it('answers 503 marking the failing backends down, without their error texts', async () => {
    gateway = await startTestGateway({ health: { auth: serving, user: notServing, project: unreachable, comms: serving } });
    const response = await fetch(`${gateway.url}/health/ready`);
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      status: 'down',
      checks: { auth: { status: 'ok' }, user: { status: 'down' }, project: { status: 'down' }, comms: { status: 'ok' } },
    });
    expect(body).not.toContain('10.0.0.7');
    expect(gateway.rawLogs.join('\n')).toContain('10.0.0.7');
  });

  it('is live regardless of the backends', async () => {
    gateway = await startTestGateway({ health: { auth: unreachable, user: unreachable, project: unreachable, comms: unreachable } });
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  });
});
