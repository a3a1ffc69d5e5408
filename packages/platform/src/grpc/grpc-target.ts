/**
 * What a `*_GRPC_URL` may say, turned into a grpc-js channel target:
 * - `host:port`: one name; grpc-js resolves it through DNS and balances over every address it gets
 *   (a Kubernetes headless Service), or just the one address;
 * - `127.0.0.1:50051,127.0.0.1:50061`: several replicas by IP literal (`ipv4:` / `ipv6:` target);
 * - a target with a scheme (`dns:///name:port`, `ipv4:…`, `unix:…`): passed on as it is.
 */
export function channelTargetOf(address: string): string {
  const trimmed = address.trim();
  if (/^[a-z][a-z0-9+.-]*:(?!\d+$)/i.test(trimmed) && !isHostPort(trimmed)) return trimmed;
  const parts = trimmed
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length <= 1) return parts[0] ?? trimmed;
  if (parts.every((part) => /^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(part))) return `ipv4:${parts.join(',')}`;
  if (parts.every((part) => /^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(part))) return `ipv6:${parts.join(',')}`;
  throw new Error(`gRPC address list "${address}": a list must be IP literals of one family (host names: use one DNS name)`);
}

/** `name:50051` or `[::1]:50051`, which also look like `scheme:rest`. */
function isHostPort(value: string): boolean {
  return /^(?:[A-Za-z0-9.\-_]+|\[[0-9a-fA-F:.]+\]):\d{1,5}(?:,|$)/.test(value);
}

/**
 * Calls go round-robin over every address of a target (each replica, each DNS record), not all to
 * the first one (grpc-js's default, pick_first). A replica that drains sends GOAWAY, leaves the
 * rotation, and new calls go to the others.
 */
export const ROUND_ROBIN_SERVICE_CONFIG = JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] });
