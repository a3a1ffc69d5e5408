import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAdmissionControl } from './admission-hook.js';

describe('admission control hook', () => {
  let app: FastifyInstance;
  let releaseSlow: () => void = () => {};

  beforeAll(async () => {
    app = Fastify();
    installAdmissionControl(app, { maxInFlight: 1, maxQueued: 0, queueTimeoutMs: 100 });
    app.get('/slow', () => new Promise((resolve) => (releaseSlow = () => resolve({ ok: true }))));
    app.get('/health/live', () => ({ status: 'ok' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    releaseSlow();
    await app.close();
  });

  it('answers 503 OVERLOADED problem+json with Retry-After beyond the limit, exempts health, and frees the slot', async () => {
    const slow = app.inject({ method: 'GET', url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const shed = await app.inject({ method: 'GET', url: '/slow' });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe('1');
    expect(shed.headers['content-type']).toBe('application/problem+json');
    expect(shed.json()).toMatchObject({ status: 503, code: 'OVERLOADED' });
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);

    releaseSlow();
    expect((await slow).statusCode).toBe(200);
    const next = app.inject({ method: 'GET', url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    releaseSlow();
    expect((await next).statusCode).toBe(200);
  });
});
