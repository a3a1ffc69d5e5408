import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { recorder, serviceError } from '../testing/project-fixtures.js';

const TOKEN = 'v1.signed-unsubscribe-token';

describe('one-click unsubscribe (real gateway, fake comms service)', () => {
  let gateway: TestGateway;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    gateway = await startTestGateway(
      {
        comms: {
          unsubscribe: record('unsubscribe', (request: { token?: string }) => {
            if (request.token !== TOKEN) throw serviceError(3, 'INVALID_TOKEN', 'This unsubscribe link is invalid.');
            return { category: 'tasks', email: 'ada@example.com' };
          }),
        },
      },
      // A budget of its own size, to see that the route draws on it; all requests here stay within it.
      { RATE_LIMIT_AUTH_PER_MINUTE: '40' },
    );
  });
  afterAll(() => gateway.close());

  const unsubscribe = (query: string, init: { body?: BodyInit; contentType?: string } = {}) =>
    fetch(`${gateway.url}/api/v1/unsubscribe${query}`, {
      method: 'POST',
      headers: init.contentType ? { 'content-type': init.contentType } : {},
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  const token = `?token=${encodeURIComponent(TOKEN)}`;

  it('takes the one-click form a mail client posts (RFC 8058), urlencoded or multipart', async () => {
    const urlencoded = await unsubscribe(token, { body: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' });
    expect(urlencoded.status).toBe(200);
    expect(await urlencoded.json()).toEqual({ category: 'tasks', email: 'ada@example.com' });
    expect(calls.at(-1)).toEqual(['unsubscribe', { token: TOKEN }]);

    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    // fetch sets the multipart content type with its boundary itself.
    expect((await unsubscribe(token, { body: form })).status).toBe(200);
  });

  it('takes an empty body and JSON too', async () => {
    expect((await unsubscribe(token)).status).toBe(200);
    expect((await unsubscribe(token, { body: '{}', contentType: 'application/json' })).status).toBe(200);
    const oneClick = JSON.stringify({ 'List-Unsubscribe': 'One-Click' });
    expect((await unsubscribe(token, { body: oneClick, contentType: 'application/json' })).status).toBe(200);
  });

  it('answers an invalid token with the service’s problem', async () => {
    const response = await unsubscribe('?token=forged', {
      body: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'INVALID_TOKEN', detail: 'This unsubscribe link is invalid.' });
  });

  it('refuses a missing token and a form that says something else, before calling the service', async () => {
    const before = calls.length;
    const missing = await unsubscribe('', { body: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'token' }] });
    for (const body of ['List-Unsubscribe=Maybe', 'List-Unsubscribe=One-Click&extra=1']) {
      const response = await unsubscribe(token, { body, contentType: 'application/x-www-form-urlencoded' });
      expect(response.status, body).toBe(400);
    }
    expect(calls.length).toBe(before);
  });

  it('names what is wrong with a form it cannot read', async () => {
    const broken = await unsubscribe(token, { body: 'no boundary', contentType: 'multipart/form-data' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body', message: 'must be a valid form' }] });

    const withFile = new FormData();
    withFile.set('List-Unsubscribe', new Blob(['One-Click']), 'one-click.txt');
    const file = await unsubscribe(token, { body: withFile });
    expect(file.status).toBe(400);
    expect(await file.json()).toMatchObject({ errors: [{ path: 'List-Unsubscribe', message: 'must be text, not a file' }] });
  });

  it('still answers forms with 415 on every other route', async () => {
    const response = await fetch(`${gateway.url}/api/v1/auth/verify-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=abc',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('draws on the auth routes’ rate limit', async () => {
    const response = await unsubscribe(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBe('40');
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeLessThan(40);
  });
});
