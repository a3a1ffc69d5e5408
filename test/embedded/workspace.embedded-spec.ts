import { startEmbedded } from '../platforms.js';
import { workspaceEnv, workspaceSuite } from '../workspace-suite.js';

workspaceSuite('embedded platform', () => startEmbedded(workspaceEnv));
