import { randomUUID } from 'node:crypto';
import { createLogger, GenerationCheckedCache, MemoryCache, type Cache } from '@msp/platform';
import { describe, expect, it } from 'vitest';
import { ProjectReadCache } from './project-read-cache.js';
import type { ProjectResponse } from './projects.dto.js';

const logger = createLogger('test', 'silent');

function setUp(cache: Cache | undefined) {
  const projectId = randomUUID();
  const userId = randomUUID();
  let name = 'Apollo';
  let loads = 0;
  const load = async (): Promise<ProjectResponse> => {
    loads += 1;
    await new Promise((resolve) => setImmediate(resolve));
    return {
      id: projectId,
      name,
      key: 'APO',
      description: '',
      plan: 'free',
      role: 'owner',
      createdAt: '2025-01-01T00:00:00.000Z',
      archived: false,
    };
  };
  // What the project service does after a change committed, on the same cache.
  const writer = cache && new GenerationCheckedCache(cache, { entryTtlSeconds: 60, generationTtlSeconds: 600 });
  return {
    reads: new ProjectReadCache(cache, logger),
    projectId,
    userId,
    load,
    loads: () => loads,
    rename: async (to: string) => {
      name = to;
      await writer?.bump([projectId]);
    },
  };
}

/** Lets fire-and-forget fills land. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ProjectReadCache', () => {
  it('asks the service once, then answers from the cache', async () => {
    const { reads, projectId, userId, load, loads } = setUp(new MemoryCache());
    expect((await reads.get(projectId, userId, load)).name).toBe('Apollo');
    await settle();
    expect((await reads.get(projectId, userId, load)).name).toBe('Apollo');
    expect(loads()).toBe(1);
  });

  it('keeps each caller apart (the view holds their role)', async () => {
    const { reads, projectId, userId, load, loads } = setUp(new MemoryCache());
    await reads.get(projectId, userId, load);
    await settle();
    await reads.get(projectId, randomUUID(), load);
    expect(loads()).toBe(2);
  });

  it('shows a change on the first read after the service bumped the project', async () => {
    const { reads, projectId, userId, load, rename } = setUp(new MemoryCache());
    await reads.get(projectId, userId, load);
    await settle();
    await rename('Artemis');
    expect((await reads.get(projectId, userId, load)).name).toBe('Artemis');
  });

  it('makes concurrent identical misses share one call', async () => {
    const { reads, projectId, userId, load, loads } = setUp(new MemoryCache());
    const answers = await Promise.all(Array.from({ length: 10 }, () => reads.get(projectId, userId, load)));
    expect(answers.every((answer) => answer.name === 'Apollo')).toBe(true);
    expect(loads()).toBe(1);
  });

  it('caches no failure: a 404 is asked again next time', async () => {
    const { reads, projectId, userId } = setUp(new MemoryCache());
    let calls = 0;
    const missing = async (): Promise<ProjectResponse> => {
      calls += 1;
      throw new Error('PROJECT_NOT_FOUND');
    };
    await expect(reads.get(projectId, userId, missing)).rejects.toThrow('PROJECT_NOT_FOUND');
    await expect(reads.get(projectId, userId, missing)).rejects.toThrow('PROJECT_NOT_FOUND');
    expect(calls).toBe(2);
  });

  it('asks the service every time when the cache fails or there is none', async () => {
    const failing = { get: async () => Promise.reject(new Error('down')) } as unknown as Cache;
    for (const cache of [failing, undefined]) {
      const { reads, projectId, userId, load, loads } = setUp(cache);
      await reads.get(projectId, userId, load);
      await settle();
      await reads.get(projectId, userId, load);
      expect(loads()).toBe(2);
    }
  });
});
