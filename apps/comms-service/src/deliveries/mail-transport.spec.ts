import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { isPermanentFailure, sendMailOptions, type OutgoingMail } from './mail-transport.js';

const mail: OutgoingMail = {
  from: 'MSP <no-reply@msp.test>',
  to: 'ada@example.test',
  subject: 'You were assigned WEB-1',
  text: 'text',
  html: '<p>html</p>',
  messageId: '<d1@msp.localhost>',
};

/** The message exactly as nodemailer would write it to the SMTP server. */
async function rendered(options: OutgoingMail): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(sendMailOptions(options));
  return (info.message as Buffer).toString('utf8');
}

describe('sendMailOptions', () => {
  it('adds the RFC 8058 one-click headers to an email that can be turned off', async () => {
    const message = await rendered({ ...mail, unsubscribeUrl: 'https://api.test/api/v1/unsubscribe?token=abc_DEF-1' });

    expect(message).toContain('List-Unsubscribe: <https://api.test/api/v1/unsubscribe?token=abc_DEF-1>');
    expect(message).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(message).toContain('Message-ID: <d1@msp.localhost>');
  });

  it('adds no list headers to an email that cannot be turned off', async () => {
    const message = await rendered(mail);

    expect(message).not.toContain('List-Unsubscribe');
  });
});

describe('isPermanentFailure', () => {
  const reply = (responseCode: number, code?: string) =>
    Object.assign(new Error(`${responseCode}`), { responseCode, ...(code ? { code } : {}) });

  it.each([
    ['a 550 reply', reply(550), true],
    ['a 554 reply', reply(554), true],
    ['a 451 reply', reply(451), false],
    ['a 421 reply', reply(421), false],
    ['503, commands out of sequence', reply(503), false],
    ['a refused login (535), our configuration', reply(535, 'EAUTH'), false],
    ['a connection failure', Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' }), false],
    ['something thrown that is not an error', undefined, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isPermanentFailure(error)).toBe(expected);
  });
});
