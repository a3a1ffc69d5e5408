import { randomUUID } from 'node:crypto';
import type { Cache } from './cache.port.js';

/**
 * The Redis key area of cached reads that writers invalidate by generation (`<namespace>:reads:`).
 * The project service writes generations there, the gateways read and fill entries.
 */
export const GENERATION_READS_AREA = 'reads';

export interface GenerationCheckedCacheOptions {
  /** How long a filled entry lives; it is only ever used while its scope's generation is unchanged. */
  entryTtlSeconds: number;
  /** How long a generation lives untouched; when it lapses every entry of its scope is simply missed. */
  generationTtlSeconds: number;
}

/** What a read found: the value when a valid entry exists, and the generation to tag a fill with. */
export interface GenerationRead {
  value: string | undefined;
  /** The scope's generation when the read began; undefined when the scope has none yet. */
  generation: string | undefined;
}

/**
 * A read cache that never serves a value older than the last write acknowledged to its writer.
 *
 * Each scope (a project) has a generation, a random token. A writer replaces it after its change has
 * committed and before it answers (`bump`). An entry is stored with the generation its reader saw
 * *before* reading the source, and is only used while that is still the scope's generation:
 *   - a reader that saw the old generation may have read the old state; the bump orphans its entry,
 *     however late it is written (the classic cache-aside race: a slow fill after the invalidation);
 *   - a reader that saw the new generation read the source after the commit, so its entry is fresh.
 * Generations are random, never counters: a generation that expires or is evicted is replaced by a
 * new one, so no old entry can ever match again. A missing generation matches nothing.
 */
export class GenerationCheckedCache {
  constructor(
    private readonly cache: Cache,
    private readonly options: GenerationCheckedCacheOptions,
  ) {}

  /** The entry of `item` in `scope` if it is still current, and the generation a fill must carry. */
  async read(scope: string, item: string): Promise<GenerationRead> {
    // Both in one round trip on Redis (pipelined); the entry is only trusted if its tag matches.
    const [generation, stored] = await Promise.all([this.cache.get(generationKey(scope)), this.cache.get(entryKey(scope, item))]);
    return this.resolve(generation, stored);
  }

  /** The keys `read` gets (the scope's generation, the item's entry), for a reader that gets them itself. */
  keysOf(scope: string, item: string): [generation: string, entry: string] {
    return [generationKey(scope), entryKey(scope, item)];
  }

  /** What `read` answers when the keys of `keysOf` hold these values. */
  resolve(generation: string | undefined, stored: string | undefined): GenerationRead {
    if (generation === undefined) return { value: undefined, generation: undefined };
    const value = stored === undefined ? undefined : valueIfTagged(stored, generation);
    return { value, generation };
  }

  /**
   * A scope without a generation gets one before its source is read, so that the value read next can
   * be stored. Racing starters each write their own: the later wins, the other's fill is just missed.
   */
  async start(scope: string): Promise<string> {
    const generation = randomUUID();
    await this.cache.set(generationKey(scope), generation, this.options.generationTtlSeconds);
    return generation;
  }

  /** Stores `value`, read from the source after `generation` was seen. */
  async fill(scope: string, item: string, generation: string, value: string): Promise<void> {
    await this.cache.set(entryKey(scope, item), `${generation}\n${value}`, this.options.entryTtlSeconds);
  }

  /** After a write to these scopes committed: every entry stored so far is no longer used. */
  async bump(scopes: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(scopes)].map((scope) => this.start(scope)));
  }
}

function valueIfTagged(stored: string, generation: string): string | undefined {
  const newline = stored.indexOf('\n');
  return newline > 0 && stored.slice(0, newline) === generation ? stored.slice(newline + 1) : undefined;
}

/** Ids are lower-cased: a scope spelled in capitals must hit the generation its writer bumped. */
function generationKey(scope: string): string {
  return `read-generation:${scope.toLowerCase()}`;
}

function entryKey(scope: string, item: string): string {
  return `read-entry:${scope.toLowerCase()}:${item.toLowerCase()}`;
}
