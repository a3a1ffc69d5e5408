import { describe, expect, it } from 'vitest';
import type { Cache } from './cache.port.js';
import { GenerationCheckedCache } from './generation-checked-cache.js';
import { MemoryCache } from './memory-cache.js';

const options = { entryTtlSeconds: 60, generationTtlSeconds: 600 };

function setUp(cache: Cache = new MemoryCache()) {
  return { cache, reads: new GenerationCheckedCache(cache, options) };
}

describe('GenerationCheckedCache', () => {
  it('serves nothing for a scope without a generation, not even an entry stored earlier', async () => {
    const { cache, reads } = setUp();
    await reads.fill('p1', 'u1', 'old-generation', 'value');
    expect(await reads.read('p1', 'u1')).toEqual({ value: undefined, generation: undefined });
    await cache.close();
  });

  it('serves a value filled under the current generation', async () => {
    const { reads } = setUp();
    const generation = await reads.start('p1');
    await reads.fill('p1', 'u1', generation, 'value');
    expect(await reads.read('p1', 'u1')).toEqual({ value: 'value', generation });
    expect((await reads.read('p1', 'u2')).value).toBeUndefined();
  });

  it('serves nothing filled before a bump', async () => {
    const { reads } = setUp();
    const generation = await reads.start('p1');
    await reads.fill('p1', 'u1', generation, 'before');
    await reads.bump(['p1']);
    const after = await reads.read('p1', 'u1');
    expect(after.value).toBeUndefined();
    expect(after.generation).not.toBe(generation);
  });

  it('ignores a late fill of a reader that saw the generation before the change (the cache-aside race)', async () => {
    const { reads } = setUp();
    const seenBefore = (await reads.read('p1', 'u1')).generation ?? (await reads.start('p1'));
    // The writer commits and bumps while the slow reader still holds the old state…
    await reads.bump(['p1']);
    // …which it then stores, after the invalidation.
    await reads.fill('p1', 'u1', seenBefore, 'stale');
    expect((await reads.read('p1', 'u1')).value).toBeUndefined();
  });

  it('bumps only the scopes named, whatever the case of their ids', async () => {
    const { reads } = setUp();
    const g1 = await reads.start('aaaa');
    const g2 = await reads.start('bbbb');
    await reads.fill('aaaa', 'U1', g1, 'a');
    await reads.fill('bbbb', 'u1', g2, 'b');
    await reads.bump(['AAAA']);
    expect((await reads.read('aaaa', 'u1')).value).toBeUndefined();
    expect((await reads.read('BBBB', 'U1')).value).toBe('b');
  });

  it('serves nothing once the generation is gone (expired or evicted), even an entry of its time', async () => {
    const { cache, reads } = setUp();
    const generation = await reads.start('p1');
    await reads.fill('p1', 'u1', generation, 'value');
    await cache.delete('read-generation:p1');
    expect((await reads.read('p1', 'u1')).value).toBeUndefined();
    const next = await reads.start('p1');
    expect(next).not.toBe(generation);
    expect((await reads.read('p1', 'u1')).value).toBeUndefined();
  });
});
