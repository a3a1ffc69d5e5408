import { randomBytes } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpInbox, type SmtpInbox } from './index.js';

// Real mail over real sockets: nodemailer talks SMTP to the inbox on a free loopback port and the
// assertions read the same HTTP API the contract check and the e2e tests use.

let inbox: SmtpInbox;
let api: string;

beforeAll(async () => {
  inbox = await startSmtpInbox({ host: '127.0.0.1', smtpPort: 0, httpPort: 0 });
  api = `http://127.0.0.1:${inbox.httpPort}`;
});

afterAll(async () => {
  await inbox?.close();
});

beforeEach(async () => {
  inbox.clear();
  await setFault({ rejectWith: null });
});

const uniqueAddress = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.test`;

async function send(mail: SendMailOptions) {
  // ignoreTLS: smtp-server's built-in certificate has expired, and the inbox does not offer STARTTLS.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: inbox.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail({ from: '"Platform" <no-reply@msp.test>', ...mail });
  } finally {
    transport.close();
  }
}

async function getJson(path: string) {
  const response = await fetch(api + path);
  return { status: response.status, body: (await response.json()) as any };
}

async function setFault(body: object) {
  const response = await fetch(`${api}/api/v1/dev/faults`, { method: 'PUT', body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

describe('SMTP capture and the Mailpit-compatible API', () => {
  it('serves a text+HTML mail the way the contract check reads it', async () => {
    const to = uniqueAddress('verify');
    const link = 'http://localhost:3000/verify-email?token=abc';
    await send({
      to: `New User <${to}>`,
      subject: 'Verify your email',
      text: `Welcome!\n\nVerify your address: ${link}\n`,
      html: `<p>Welcome!</p><p><a href="${link}">Verify your address</a></p>`,
    });

    const list = await getJson('/api/v1/messages?limit=500');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, unread: 1, count: 1, messages_count: 1, start: 0, tags: [] });
    // Exactly the lookup check.mjs does: find by To[].Address, then fetch by ID.
    const hit = list.body.messages.find((m: any) => m.To.some((a: any) => a.Address.toLowerCase() === to));
    expect(hit).toMatchObject({
      Read: false,
      From: { Name: 'Platform', Address: 'no-reply@msp.test' },
      To: [{ Name: 'New User', Address: to }],
      Cc: [],
      Bcc: [],
      ReplyTo: [],
      Subject: 'Verify your email',
      Tags: [],
      Attachments: 0,
    });
    expect(new Date(hit.Created).toISOString()).toBe(hit.Created);
    expect(hit.Snippet).toContain('Verify your address');
    expect(hit.Size).toBeGreaterThan(0);

    const detail = await getJson(`/api/v1/message/${hit.ID}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      ID: hit.ID,
      Read: true,
      Subject: 'Verify your email',
      Inline: [],
      Attachments: [],
    });
    expect(detail.body.Text).toContain(link);
    expect(detail.body.HTML).toContain(`href="${link}"`);
    const token = `${detail.body.Text} ${detail.body.HTML}`.replace(/&amp;/g, '&').match(/[?&]token=([A-Za-z0-9._~%-]+)/)?.[1];
    expect(token).toBe('abc');
    expect((await getJson('/api/v1/messages')).body.unread).toBe(0);

    const headers = await getJson(`/api/v1/message/${hit.ID}/headers`);
    expect(headers.body.Subject).toEqual(['Verify your email']);
    expect(headers.body.To).toEqual([`New User <${to}>`]);
    const raw = await fetch(`${api}/api/v1/message/${hit.ID}/raw`);
    expect(raw.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await raw.text()).toMatch(/^Subject: Verify your email\r?$/m);

    expect(inbox.messages().map((m) => m.id)).toEqual([hit.ID]);
  });

  it('lists newest first, pages with limit/start, and searches by recipient', async () => {
    const first = uniqueAddress('first');
    const second = uniqueAddress('second');
    await send({ to: first, subject: 'one', text: 'one' });
    await send({ to: second, subject: 'two', text: 'two' });

    const all = await getJson('/api/v1/messages');
    expect(all.body.messages.map((m: any) => m.Subject)).toEqual(['two', 'one']);
    const page = await getJson('/api/v1/messages?limit=1&start=1');
    expect(page.body).toMatchObject({ total: 2, count: 1, start: 1, messages: [{ Subject: 'one' }] });

    const search = await getJson(`/api/v1/search?query=${encodeURIComponent(`to:${first}`)}`);
    expect(search.body).toMatchObject({ total: 2, messages_count: 1, messages: [{ Subject: 'one' }] });
  });

  it('recovers Bcc recipients from the envelope', async () => {
    const hidden = uniqueAddress('hidden');
    await send({ to: uniqueAddress('visible'), bcc: hidden, subject: 'bcc', text: 'x' });
    const [summary] = (await getJson('/api/v1/messages')).body.messages;
    expect(summary.Bcc).toEqual([{ Name: '', Address: hidden }]);
  });

  it('answers 404 JSON for an unknown message', async () => {
    const missing = await getJson('/api/v1/message/does-not-exist');
    expect(missing).toEqual({ status: 404, body: { error: 'message not found' } });
  });

  it('deletes the given IDs, then everything', async () => {
    for (const subject of ['a', 'b', 'c']) await send({ to: uniqueAddress(subject), subject, text: subject });
    const ids = (await getJson('/api/v1/messages')).body.messages.map((m: any) => m.ID);

    const some = await fetch(`${api}/api/v1/messages`, { method: 'DELETE', body: JSON.stringify({ IDs: [ids[0]] }) });
    expect(some.status).toBe(200);
    expect((await getJson('/api/v1/messages')).body.messages.map((m: any) => m.ID)).toEqual(ids.slice(1));

    const rest = await fetch(`${api}/api/v1/messages`, { method: 'DELETE' });
    expect(rest.status).toBe(200);
    expect((await getJson('/api/v1/messages')).body).toMatchObject({ total: 0, messages: [] });
  });
});

describe('fault switch', () => {
  it('makes the next N messages fail with 451, then accepts again', async () => {
    const set = await setFault({ rejectWith: 451, count: 1 });
    expect(set).toEqual({ status: 200, body: { rejectWith: 451, remaining: 1, until: null } });

    const failed = send({ to: uniqueAddress('retry'), subject: 'first try', text: 'x' });
    await expect(failed).rejects.toMatchObject({ responseCode: 451 });
    await expect(failed).rejects.toMatchObject({ response: expect.stringMatching(/^451 4\.3\.0 .*fault injected/) });
    expect((await getJson('/api/v1/dev/faults')).body).toEqual({ rejectWith: null, remaining: null, until: null });

    await send({ to: uniqueAddress('retry'), subject: 'second try', text: 'x' });
    expect(inbox.messages().map((m) => m.subject)).toEqual(['second try']);
  });

  it('counts a message with several recipients once', async () => {
    await setFault({ rejectWith: 451, count: 1 });
    const twoRecipients = { to: [uniqueAddress('a'), uniqueAddress('b')], subject: 'pair', text: 'x' };
    await expect(send(twoRecipients)).rejects.toMatchObject({ responseCode: 451 });
    await send(twoRecipients);
    expect(inbox.messages()).toHaveLength(1);
  });

  it('rejects with 550 until cleared, and validates its input', async () => {
    await setFault({ rejectWith: 550 });
    await expect(send({ to: uniqueAddress('x'), text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ to: uniqueAddress('x'), text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    await setFault({ rejectWith: null });
    await send({ to: uniqueAddress('x'), text: 'x' });
    expect(inbox.messages()).toHaveLength(1);

    expect((await setFault({ rejectWith: 452 })).status).toBe(400);
    expect((await setFault({ rejectWith: 451, count: 0 })).status).toBe(400);
    expect((await setFault({ rejectWith: 451, durationMs: 0 })).status).toBe(400);
  });

  it('refuses with 421 for a while and closes the connection, then accepts by itself', async () => {
    const set = await setFault({ rejectWith: 421, durationMs: 600 });
    expect(set.body).toMatchObject({ rejectWith: 421, remaining: null, until: expect.any(String) });
    await expect(send({ to: uniqueAddress('busy'), text: 'x' })).rejects.toMatchObject({ responseCode: 421 });
    await expect(send({ to: uniqueAddress('busy'), text: 'x' })).rejects.toMatchObject({ responseCode: 421 });
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect((await getJson('/api/v1/dev/faults')).body).toEqual({ rejectWith: null, remaining: null, until: null });
    await send({ to: uniqueAddress('busy'), text: 'x' });
    expect(inbox.messages()).toHaveLength(1);
  });
});

describe('web view', () => {
  it('serves the page and escapes what it renders', async () => {
    await send({
      to: uniqueAddress('xss'),
      subject: 'Hi <script>alert(1)</script>',
      html: '<b onclick="x()">"hey"</b>',
    });

    const page = await fetch(`${api}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'sha256-");
    const html = await page.text();
    expect(html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');

    const [message] = inbox.messages();
    const detail = await (await fetch(`${api}/ui/message/${message!.id}`)).text();
    expect(detail).toContain('<iframe sandbox=""');
    expect(detail).toContain('srcdoc="&lt;b onclick=&quot;x()&quot;&gt;&quot;hey&quot;&lt;/b&gt;');
    expect(detail).not.toContain('<script>alert(1)');
  });

  it('answers /health', async () => {
    expect(await getJson('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });
});
