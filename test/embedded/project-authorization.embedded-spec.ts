import { startEmbedded } from '../platforms.js';
import { projectAuthorizationEnv, projectAuthorizationSuite } from '../project-authorization-suite.js';

projectAuthorizationSuite('embedded platform', () => startEmbedded(projectAuthorizationEnv));
