import { randomUUID } from 'node:crypto';
import { createLogger, MemoryCache } from '@msp/platform';
import { describe, expect, it } from 'vitest';
import { MembershipCache } from './membership-cache.js';

describe('membership cache', () => {
  it('keys a membership by its ids in any case, so one invalidation ends every spelling', async () => {
    const memberships = new MembershipCache(new MemoryCache(), createLogger('test', 'silent'));
    const key = { projectId: randomUUID(), userId: randomUUID() };
    const shouted = { projectId: key.projectId.toUpperCase(), userId: key.userId.toUpperCase() };
    await memberships.set(shouted, 'member');
    expect(await memberships.get(key)).toBe('member');
    await memberships.invalidate([key]);
    expect(await memberships.get(shouted)).toBeUndefined();
  });
});
