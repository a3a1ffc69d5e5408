import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';

/**
 * Closes the gateway the way a load balancer expects: the listening socket closes at once (new
 * connections are refused, so a balancer picks another gateway), idle keep-alive connections are
 * closed, requests in flight finish and their connections close after the answer; only what is
 * still running after `graceMs` is cut. The gRPC channels and caches close after the HTTP server
 * (Nest's shutdown hooks run after its dispose), so requests in flight still reach the services.
 */
export async function closeWithin(app: INestApplication, graceMs: number): Promise<void> {
  const server = app.getHttpServer() as Server;
  const force = setTimeout(() => server.closeAllConnections(), graceMs);
  force.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}
