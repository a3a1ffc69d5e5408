import 'server-only';
import { api, callOptions, settle } from '../gateway-core';
import type { Answer } from './types';

export type Readiness = Answer<'/health/ready', 'get'>;

export interface HealthReport {
  /** The gateway answered its liveness probe. */
  readonly gatewayLive: boolean;
  /** Readiness of every backend the gateway depends on; null when the gateway did not answer. */
  readonly readiness: Readiness | null;
}

/**
 * The gateway answers /health/ready with 503 and the same body when a backend is down, so the body is
 * read whatever the status is.
 */
export async function healthReport(): Promise<HealthReport> {
  const [live, ready] = await Promise.all([
    settle(api.GET('/health/live', callOptions({})), 'json'),
    api.GET('/health/ready', callOptions({})).then(
      ({ data, error }) => (data ?? (isReadiness(error) ? error : null)) as Readiness | null,
      () => null,
    ),
  ]);
  return { gatewayLive: live.ok, readiness: ready };
}

function isReadiness(value: unknown): value is Readiness {
  return typeof value === 'object' && value !== null && 'checks' in value && 'status' in value;
}
