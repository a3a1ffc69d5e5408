import { startEmbedded } from '../platforms.js';
import { projectReadFreshnessEnv, projectReadFreshnessSuite } from '../project-read-freshness-suite.js';

projectReadFreshnessSuite('embedded platform', () => startEmbedded(projectReadFreshnessEnv));
