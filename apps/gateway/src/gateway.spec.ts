import { describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway } from './testing/gateway-harness.js';

describe('startGateway', () => {
  it('binds a free port when asked for port 0', async () => {
    const [a, b] = await Promise.all([startTestGateway({}), startTestGateway({})]);
    try {
      expect(a?.url).not.toBe(b?.url);
      expect((await fetch(`${a?.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${b?.url}/health/live`)).status).toBe(200);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
    }
  });

  it('closes gracefully: a request in flight completes, then the port stops answering', async () => {
    const key = await makeSigningKey('EdDSA');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const gateway = await startTestGateway({
      auth: { getJwks: async () => ({ jwksJson: jwksJsonOf(key) }) },
      project: {
        listProjects: async () => {
          started();
          await released;
          return { items: [], nextCursor: '' };
        },
      },
    });
    const token = await issueToken(key);
    const pending = fetch(`${gateway.url}/api/v1/projects`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
    await inFlight;

    let closed = false;
    const closing = gateway.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    release();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [], nextCursor: null });
    await closing;
    await expect(fetch(`${gateway.url}/health/live`)).rejects.toThrow();
  });
});
