import { startDistributedPlatform } from '../platforms.js';
import { projectReadFreshnessEnv, projectReadFreshnessSuite } from '../project-read-freshness-suite.js';

// Across processes: the project service bumps generations in the real Redis that the gateway reads.
projectReadFreshnessSuite('distributed platform', () => startDistributedPlatform({ ...projectReadFreshnessEnv, LOG_LEVEL: 'warn' }));
