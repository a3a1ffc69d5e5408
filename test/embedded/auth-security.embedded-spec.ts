import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedProcess } from '@msp/testing';
import { authSecuritySuite, securityEnv } from '../auth-security-suite.js';

authSecuritySuite('embedded platform', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'msp-security-'));
  const platform = await startEmbeddedProcess({ dataDir, env: securityEnv });
  return {
    gatewayUrl: platform.gatewayUrl,
    inboxUrl: platform.inboxUrl,
    output: platform.output,
    stop: async () => {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
