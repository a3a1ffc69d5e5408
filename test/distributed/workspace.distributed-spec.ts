import { startDistributedPlatform } from '../platforms.js';
import { workspaceEnv, workspaceSuite } from '../workspace-suite.js';

// The same workspace across processes: profiles and memberships cached in the real Redis, so the
// freshness tests see cache invalidation across process boundaries.
workspaceSuite('distributed platform', () => startDistributedPlatform({ ...workspaceEnv, LOG_LEVEL: 'warn' }));
