import { describe, expect, it } from 'vitest';
import { MessageStore, type NewMessage } from './message-store.js';

const message = (subject: string): NewMessage => ({
  messageId: `${subject}@test`,
  from: { Name: '', Address: 'from@example.test' },
  to: [{ Name: '', Address: 'to@example.test' }],
  cc: [],
  bcc: [],
  replyTo: [],
  returnPath: 'from@example.test',
  subject,
  date: new Date(0),
  text: subject,
  html: '',
  headers: {},
  attachments: [],
  inline: [],
  raw: Buffer.from(subject),
  size: subject.length,
});

describe('MessageStore', () => {
  it('keeps the newest maxMessages, newest first', () => {
    const store = new MessageStore(2);
    const [a, b, c] = ['a', 'b', 'c'].map((subject) => store.add(message(subject)));
    expect(store.list().map((m) => m.subject)).toEqual(['c', 'b']);
    expect(store.get(a!.id)).toBeUndefined();
    expect(store.get(b!.id)?.subject).toBe('b');
    expect(store.latest()?.id).toBe(c!.id);
  });

  it('tracks read state and deletes by id, ignoring unknown ids', () => {
    const store = new MessageStore();
    const [a, b] = ['a', 'b'].map((subject) => store.add(message(subject)));
    store.markRead(a!.id);
    expect({ total: store.total, unread: store.unread }).toEqual({ total: 2, unread: 1 });
    expect(store.delete([a!.id, 'unknown'])).toBe(1);
    expect(store.list().map((m) => m.id)).toEqual([b!.id]);
    store.clear();
    expect(store.total).toBe(0);
  });

  it('gives every message a distinct short id', () => {
    const store = new MessageStore();
    const ids = new Set(Array.from({ length: 500 }, (_, i) => store.add(message(String(i))).id));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new MessageStore(0)).toThrow(RangeError);
  });
});
