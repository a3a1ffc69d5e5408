import type { Logger } from '@msp/platform';
import type { FastifyRequest } from 'fastify';
import type { RateLimitConfig, RateLimitGroup } from '../config.js';
import { ProblemException } from '../http/problem.js';
import { clientKeyOf } from './client-address.js';
import type { CounterIncrement, FixedWindowLimiter, WindowUsage } from './fixed-window-limiter.js';

/** One warning per this interval is enough to tell operators the cache is down; more only floods the log. */
const CACHE_WARNING_INTERVAL_MS = 10_000;

/** Where a request stands against its budgets once counted. */
export type BudgetVerdict =
  /** Within budget: the `RateLimit-*` headers to send. */
  | { outcome: 'within'; headers: Record<string, string> }
  /** A budget is exhausted: the 429 to answer. */
  | { outcome: 'exceeded'; problem: ProblemException }
  /** The counters cannot be read: availability over throttling (the services have their own limits). */
  | { outcome: 'uncounted' };

/**
 * Counts requests against their budgets: the global one per client address, plus the route group's.
 * Each request is counted once, whoever asks first — the project read's fast lane (outside Nest) or
 * the rate-limit guard — and a second ask gets the first verdict, so a request that leaves the fast
 * lane for the Nest route is not counted twice.
 */
export class RequestBudget {
  private readonly verdicts = new WeakMap<FastifyRequest, Promise<BudgetVerdict>>();
  private lastWarningAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limiter: FixedWindowLimiter,
    private readonly limits: RateLimitConfig,
    private readonly logger: Logger,
  ) {}

  /**
   * Counts `request` (once) against the global budget and, when given, its group's. `increment`,
   * when given, adds to the global counter in place of the cache's own increment; it is only called
   * (synchronously) when this call is the one that counts.
   */
  count(request: FastifyRequest, group: RateLimitGroup | undefined, increment?: CounterIncrement): Promise<BudgetVerdict> {
    let verdict = this.verdicts.get(request);
    if (!verdict) {
      verdict = this.countOnce(request, group, increment);
      this.verdicts.set(request, verdict);
    }
    return verdict;
  }

  private async countOnce(
    request: FastifyRequest,
    group: RateLimitGroup | undefined,
    increment: CounterIncrement | undefined,
  ): Promise<BudgetVerdict> {
    const client = clientKeyOf(request.ip);
    let usages: WindowUsage[];
    try {
      usages = await Promise.all([
        this.limiter.hit(`global:${client}`, this.limits.global, increment),
        ...(group ? [this.limiter.hit(`${group}:${client}`, this.limits.groups[group])] : []),
      ]);
    } catch (error) {
      this.warnCacheDown(error);
      return { outcome: 'uncounted' };
    }
    const tightest = tightestOf(usages);
    const headers = this.headersOf(tightest);
    if (!tightest.exceeded) return { outcome: 'within', headers };
    return {
      outcome: 'exceeded',
      problem: new ProblemException(429, 'RATE_LIMITED', 'Too many requests. Try again later.', {
        ...headers,
        'retry-after': String(tightest.resetSeconds),
      }),
    };
  }

  private headersOf(usage: WindowUsage): Record<string, string> {
    return {
      'ratelimit-limit': String(usage.limit),
      'ratelimit-remaining': String(usage.remaining),
      'ratelimit-reset': String(usage.resetSeconds),
      'ratelimit-policy': `${usage.limit};w=${this.limiter.windowSeconds}`,
    };
  }

  private warnCacheDown(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < CACHE_WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    this.logger.warn({ err: error }, 'rate limit counters unavailable; requests pass unthrottled');
  }
}

/** The budget closest to running out (an exhausted one first); on a tie the smaller limit. */
function tightestOf(usages: WindowUsage[]): WindowUsage {
  return usages.reduce((tightest, usage) => {
    if (usage.exceeded !== tightest.exceeded) return usage.exceeded ? usage : tightest;
    if (usage.remaining !== tightest.remaining) return usage.remaining < tightest.remaining ? usage : tightest;
    return usage.limit < tightest.limit ? usage : tightest;
  });
}
