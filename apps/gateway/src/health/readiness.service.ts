import { Inject, Injectable } from '@nestjs/common';
import { HealthRegistry, LOGGER, type Logger } from '@msp/platform';
import { z } from 'zod';
import { HEALTH_PROBES, type HealthProbes } from '../grpc/grpc-clients.module.js';

/** grpc.health.v1 `HealthCheckResponse.ServingStatus.SERVING`. */
const SERVING = 1;

const checkStatus = z.enum(['ok', 'down']);
export const readinessResponse = z.object({
  status: checkStatus,
  checks: z.record(z.string(), z.object({ status: checkStatus })),
});
export type Readiness = z.output<typeof readinessResponse>;

/**
 * Readiness of the gateway = every backend answers the standard gRPC health check with SERVING.
 * Why one is down goes to the log only: the endpoint is public, and error texts name hosts.
 */
@Injectable()
export class ReadinessService {
  private readonly registry = new HealthRegistry(1_500);

  constructor(
    @Inject(HEALTH_PROBES) probes: HealthProbes,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    for (const [name, probe] of Object.entries(probes)) {
      this.registry.register(name, async () => {
        const { status } = await probe.check({ service: '' });
        if (status !== SERVING) throw new Error(`health status ${status}`);
      });
    }
  }

  async check(): Promise<Readiness> {
    const report = await this.registry.report();
    const checks: Readiness['checks'] = {};
    const failures: Record<string, string | undefined> = {};
    for (const [name, check] of Object.entries(report.checks)) {
      checks[name] = { status: check.status };
      if (check.status === 'down') failures[name] = check.error;
    }
    if (report.status !== 'ok') this.logger.warn({ failures }, 'gateway not ready');
    return { status: report.status, checks };
  }
}
