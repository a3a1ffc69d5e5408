import { authSecuritySuite, securityEnv } from '../auth-security-suite.js';
import { startDistributedPlatform } from '../platforms.js';

// The same suite across processes: revocations and lockout counters travel through the real Redis,
// events through RabbitMQ, keys through each service's own PostgreSQL database.
authSecuritySuite('distributed platform', () => startDistributedPlatform(securityEnv));
