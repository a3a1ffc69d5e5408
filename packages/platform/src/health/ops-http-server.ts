import { createServer, type Server } from 'node:http';
import { renderMetrics } from '../telemetry/metrics.js';
import type { HealthRegistry } from './health-registry.js';

/**
 * A service's small HTTP side door for orchestrators: `/health/live` (the process answers),
 * `/health/ready` (every dependency answers; 503 otherwise) and `/metrics` (Prometheus text).
 */
export async function startOpsHttpServer(
  host: string,
  port: number,
  health: HealthRegistry,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, { status: 'method not allowed' });
    if (req.url === '/health/live') return send(200, { status: 'ok' });
    if (req.url === '/metrics') {
      void renderMetrics().then(
        ({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(body);
        },
        () => send(500, { status: 'metrics unavailable' }),
      );
      return;
    }
    if (req.url === '/health/ready') {
      void health.report().then((report) => send(report.status === 'ok' ? 200 : 503, report));
      return;
    }
    send(404, { status: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
