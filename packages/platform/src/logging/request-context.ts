import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is calling: set by the gateway from a verified token and carried to services in gRPC metadata. */
export interface Caller {
  userId: string;
  sessionId: string;
  roles: string[];
}

export interface RequestContext {
  correlationId: string;
  caller?: Caller;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
