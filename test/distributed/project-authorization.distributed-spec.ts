import { startDistributedPlatform } from '../platforms.js';
import { projectAuthorizationEnv, projectAuthorizationSuite } from '../project-authorization-suite.js';

// The same matrix across processes: roles cached in the real Redis, invitations emailed through RabbitMQ.
projectAuthorizationSuite('distributed platform', () => startDistributedPlatform({ ...projectAuthorizationEnv, LOG_LEVEL: 'warn' }));
