import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { LOGGER, type Logger } from '@msp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../config.js';
import { endpointOf } from '../http/endpoint.decorator.js';
import { ProblemException } from '../http/problem.js';
import { clientKeyOf } from './client-address.js';
import { FixedWindowLimiter, type WindowUsage } from './fixed-window-limiter.js';

export const RATE_LIMITS = Symbol('RateLimitConfig');

/** One warning per this interval is enough to tell operators the cache is down; more only floods the log. */
const CACHE_WARNING_INTERVAL_MS = 10_000;

/**
 * Global guard, before authentication so floods of bad tokens are throttled too. Every route draws on
 * a generous global budget per client address; routes of a group (sign-in, sign-up and reset, …)
 * also draw on the group's budget. The tightest budget is reported in the IETF draft `RateLimit-*`
 * headers; an exhausted one answers 429 `RATE_LIMITED` with `Retry-After`.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private lastWarningAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limiter: FixedWindowLimiter,
    @Inject(RATE_LIMITS) private readonly limits: RateLimitConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const group = endpointOf(context.getHandler())?.rateLimit;
    const client = clientKeyOf(request.ip);
    let usages: WindowUsage[];
    try {
      usages = await Promise.all([
        this.limiter.hit(`global:${client}`, this.limits.global),
        ...(group ? [this.limiter.hit(`${group}:${client}`, this.limits.groups[group])] : []),
      ]);
    } catch (error) {
      // Availability over throttling: the services still have their own brute-force protection.
      this.warnCacheDown(error);
      return true;
    }
    const tightest = tightestOf(usages);
    const headers = this.headersOf(tightest);
    if (tightest.exceeded) {
      throw new ProblemException(429, 'RATE_LIMITED', 'Too many requests. Try again later.', {
        ...headers,
        'retry-after': String(tightest.resetSeconds),
      });
    }
    void context.switchToHttp().getResponse<FastifyReply>().headers(headers);
    return true;
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
