import { randomBytes } from 'node:crypto';
import { capturedMessages, consumerQueues, queueDepths, unpublishedOutboxRows, type TestGatewayClient } from '@msp/testing';

/** What one run of traffic saw: every request's outcome, and the events it should have caused. */
export interface LoadRecord {
  requests: number;
  /** Answers other than the expected one, and requests that failed on the wire. */
  failures: string[];
  /** Keys of the tasks created (each assigned to someone else: one email each). */
  taskKeys: string[];
  /** Addresses registered (one verification email each). */
  signUps: string[];
}

export interface LoadTarget {
  gateway: TestGatewayClient;
  ownerToken: string;
  projectId: string;
  assigneeId: string;
}

/**
 * Continuous mixed traffic until `until` settles: reads (project, task list) as fast as `readers`
 * loops go, task creations assigned to a member (task.assigned → an email) and sign-ups (a
 * verification email) at a steady pace each. Every request must get its expected answer.
 */
export async function loadUntil(
  target: LoadTarget,
  until: Promise<unknown>,
  { readers = 3, tasksPerSecond = 8, signUpsPerSecond = 2 } = {},
): Promise<LoadRecord> {
  const record: LoadRecord = { requests: 0, failures: [], taskKeys: [], signUps: [] };
  const run = randomBytes(3).toString('hex');
  let done = false;
  void until.finally(() => (done = true));
  const { gateway, ownerToken: token, projectId } = target;

  const attempt = async (label: string, expected: number, call: () => Promise<{ status: number; body: unknown }>) => {
    record.requests++;
    try {
      const response = await call();
      if (response.status !== expected) record.failures.push(`${label} → ${response.status} ${JSON.stringify(response.body)}`);
      return response.status === expected ? response : undefined;
    } catch (error) {
      record.failures.push(`${label} → ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`);
      return undefined;
    }
  };
  const paced = async (perSecond: number, step: (index: number) => Promise<void>) => {
    const started = performance.now();
    for (let index = 0; !done; index++) {
      const wait = started + (index * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await step(index);
    }
  };

  const reader = async () => {
    while (!done) {
      await attempt('GET project', 200, () => gateway.call('GET', `/api/v1/projects/${projectId}`, { token }));
      await attempt('GET tasks', 200, () => gateway.call('GET', `/api/v1/projects/${projectId}/tasks?limit=5`, { token }));
    }
  };
  const taskWriter = paced(tasksPerSecond, async (index) => {
    const created = await attempt('POST task', 201, () =>
      gateway.call('POST', `/api/v1/projects/${projectId}/tasks`, {
        token,
        body: { title: `Drain ${run} ${index}`, assigneeId: target.assigneeId },
      }),
    );
    if (created) record.taskKeys.push((created.body as { key: string }).key);
  });
  const signUpWriter = paced(signUpsPerSecond, async (index) => {
    const email = `drain-${run}-${index}@example.test`;
    const registered = await attempt('POST register', 201, () =>
      gateway.call('POST', '/api/v1/auth/register', { body: { email, password: 'long-enough-password', displayName: `Drain ${index}` } }),
    );
    if (registered) record.signUps.push(email);
  });
  await Promise.all([...Array.from({ length: readers }, reader), taskWriter, signUpWriter]);
  return record;
}

const SCHEMAS = { auth: 'auth', user: 'users', project: 'projects', comms: 'comms' } as const;
/** The bus's default redelivery delays: three retry queues per consuming service. */
const QUEUES = ['comms', 'user', 'project'].flatMap((queue) => consumerQueues(queue, 3));

/** How far the events of a load run got: emails per task and per sign-up, outboxes and queues. */
export async function eventState(
  record: LoadRecord,
  where: { inboxUrl: string; amqpUrl: string; databases: Record<keyof typeof SCHEMAS, string>; assigneeEmail: string },
) {
  const messages = await capturedMessages(where.inboxUrl);
  const perTask = new Map(record.taskKeys.map((key) => [key, 0]));
  const perSignUp = new Map(record.signUps.map((email) => [email.toLowerCase(), 0]));
  for (const message of messages) {
    const to = message.To.map((address) => address.Address.toLowerCase());
    if (perSignUp.has(to[0] ?? '')) perSignUp.set(to[0]!, perSignUp.get(to[0]!)! + 1);
    if (to.includes(where.assigneeEmail.toLowerCase())) {
      const key = /You were assigned (\S+):/.exec(message.Subject)?.[1];
      if (key !== undefined && perTask.has(key)) perTask.set(key, perTask.get(key)! + 1);
    }
  }
  const outboxes = await Promise.all(
    Object.entries(SCHEMAS).map(([service, schema]) => unpublishedOutboxRows(where.databases[service as keyof typeof SCHEMAS], schema)),
  );
  const queues = await queueDepths(where.amqpUrl, QUEUES);
  const counts = (tally: Map<string, number>) => ({
    missing: [...tally.values()].filter((n) => n === 0).length,
    duplicated: [...tally.values()].filter((n) => n > 1).length,
  });
  return {
    tasks: counts(perTask),
    signUps: counts(perSignUp),
    unpublished: outboxes.reduce((a, b) => a + b, 0),
    queued: Object.values(queues).reduce((a, b) => a + Math.abs(b), 0),
  };
}
