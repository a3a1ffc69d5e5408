import { describe, expect, it } from 'vitest';
import { cacheNameOf } from '../cache/counted-cache.js';
import { CountedCache } from '../cache/counted-cache.js';
import { MemoryCache } from '../cache/memory-cache.js';
import { metricsRegistry, platformMetrics, renderMetrics, watchOutboxBacklog } from './metrics.js';

describe('platform metrics', () => {
  it('are one set per process: asking twice registers nothing twice', async () => {
    expect(platformMetrics()).toBe(platformMetrics());
    const { body } = await renderMetrics();
    expect(body).toContain('# TYPE http_server_requests_total counter');
    expect(body).toContain('process_cpu_user_seconds_total');
  });

  it('report each watched outbox backlog at scrape time, and stop when unwatched', async () => {
    const unwatch = watchOutboxBacklog('auth', async () => ({ pending: 3, oldestAgeSeconds: 12.5 }));
    let { body } = await renderMetrics();
    expect(body).toContain('msp_outbox_pending_events{service="auth"} 3');
    expect(body).toContain('msp_outbox_oldest_pending_age_seconds{service="auth"} 12.5');
    unwatch();
    ({ body } = await renderMetrics());
    expect(body).not.toContain('msp_outbox_pending_events{service="auth"}');
  });

  it('leave out a backlog that cannot be read, without failing the scrape', async () => {
    const unwatch = watchOutboxBacklog('broken', () => Promise.reject(new Error('database away')));
    const { body } = await renderMetrics();
    expect(body).not.toContain('service="broken"');
    unwatch();
  });

  it('count cache hits and misses by the key prefix, never by the key', async () => {
    expect(cacheNameOf('profile:123')).toBe('profile');
    expect(cacheNameOf('no-prefix-123')).toBe('other');
    const cache = new CountedCache(new MemoryCache(), 'user');
    await cache.set('profile:1', 'x', 60);
    await cache.get('profile:1');
    await cache.get('profile:2');
    const hits = await metricsRegistry().getSingleMetricAsString('msp_cache_requests_total');
    expect(hits).toContain('msp_cache_requests_total{service="user",cache="profile",result="hit"} 1');
    expect(hits).toContain('msp_cache_requests_total{service="user",cache="profile",result="miss"} 1');
    await cache.close();
  });
});
