import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { endpointOf } from '../http/endpoint.decorator.js';
import { RequestBudget } from './request-budget.js';

/**
 * Global guard, before authentication so floods of bad tokens are throttled too. Every route draws on
 * a generous global budget per client address; routes of a group (sign-in, sign-up and reset, …)
 * also draw on the group's budget. The tightest budget is reported in the IETF draft `RateLimit-*`
 * headers; an exhausted one answers 429 `RATE_LIMITED` with `Retry-After`. A request the project
 * read's fast lane already counted is not counted again (RequestBudget).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly budget: RequestBudget) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const verdict = await this.budget.count(http.getRequest<FastifyRequest>(), endpointOf(context.getHandler())?.rateLimit);
    if (verdict.outcome === 'exceeded') throw verdict.problem;
    if (verdict.outcome === 'within') void http.getResponse<FastifyReply>().headers(verdict.headers);
    return true;
  }
}
