import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testEnv } from './env.js';
import { freePorts } from './free-port.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface EmbeddedProcess {
  gatewayUrl: string;
  inboxUrl: string;
  webUrl: string;
  /** The in-process payment sandbox: its Stripe API and its control API (`/__sandbox/…`). */
  paymentSandboxUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process printed, for assertions on logs. */
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Runs the built embedded platform (`apps/embedded/dist/main.js`) as `npm start` does, on free ports.
 * Without a `dataDir` it gets a fresh temporary one that `stop()` removes; a test that restarts the
 * platform on the same data passes its own and removes it itself.
 */
export async function startEmbeddedProcess(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    web?: boolean;
  } = {},
): Promise<EmbeddedProcess> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'msp-embedded-'));
  const removeOwnDataDir = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const ports = await freePorts('gateway', 'smtp', 'inbox', 'web', 'auth', 'user', 'project', 'comms', 'paymentSandbox');
  const child = spawn(process.execPath, ['apps/embedded/dist/main.js'], {
    cwd: root,
    env: {
      ...testEnv,
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(ports.gateway),
      SMTP_PORT: String(ports.smtp),
      INBOX_PORT: String(ports.inbox),
      WEB_PORT: String(ports.web),
      AUTH_GRPC_PORT: String(ports.auth),
      USER_GRPC_PORT: String(ports.user),
      PROJECT_GRPC_PORT: String(ports.project),
      COMMS_GRPC_PORT: String(ports.comms),
      PAYMENT_SANDBOX_PORT: String(ports.paymentSandbox),
      WEB_URL: `http://127.0.0.1:${ports.web}`,
      START_WEB: options.web ? 'true' : 'false',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    }).finally(removeOwnDataDir);
  const deadline = Date.now() + 120_000;
  while (!output.includes('is ready')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const reason = child.exitCode !== null ? `exited with ${child.exitCode}` : 'did not start within 120 s';
      await stop();
      throw new Error(`the embedded platform ${reason}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    inboxUrl: `http://127.0.0.1:${ports.inbox}`,
    webUrl: `http://127.0.0.1:${ports.web}`,
    paymentSandboxUrl: `http://127.0.0.1:${ports.paymentSandbox}`,
    dataDir,
    child,
    output: () => output,
    stop,
  };
}
