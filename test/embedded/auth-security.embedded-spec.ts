import { authSecuritySuite, securityEnv } from '../auth-security-suite.js';
import { startEmbedded } from '../platforms.js';

authSecuritySuite('embedded platform', () => startEmbedded(securityEnv));
