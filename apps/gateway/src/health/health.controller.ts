import { Controller, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Endpoint } from '../http/endpoint.decorator.js';
import { readinessResponse, ReadinessService, type Readiness } from './readiness.service.js';

const tag = 'Operations';
const liveResponse = z.object({ status: z.literal('ok') });

@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Endpoint({
    method: 'GET',
    path: '/health/live',
    tag,
    auth: 'public',
    status: 200,
    summary: 'Liveness: the process answers',
    response: liveResponse,
    errors: [],
  })
  live(): z.output<typeof liveResponse> {
    return { status: 'ok' };
  }

  @Endpoint({
    method: 'GET',
    path: '/health/ready',
    tag,
    auth: 'public',
    status: 200,
    summary: 'Readiness: every backend service answers its gRPC health check',
    response: readinessResponse,
    errors: [],
    otherResponses: { 503: { description: 'A backend service is down', schema: readinessResponse } },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const readiness = await this.readiness.check();
    if (readiness.status !== 'ok') void reply.status(503);
    return readiness;
  }
}
