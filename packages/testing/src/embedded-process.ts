import { spawn, type ChildProcess } from 'node:child_process';
import { testEnv } from './env.js';
import { fileURLToPath } from 'node:url';
import { freePorts } from './free-port.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface EmbeddedProcess {
  gatewayUrl: string;
  inboxUrl: string;
  webUrl: string;
  child: ChildProcess;
  /** Everything the process printed, for assertions on logs. */
  output(): string;
  stop(): Promise<number | null>;
}

/** Runs the built embedded platform (`apps/embedded/dist/main.js`) as `npm start` does, on free ports. */
export async function startEmbeddedProcess(options: {
  dataDir: string;
  env?: Record<string, string>;
  web?: boolean;
}): Promise<EmbeddedProcess> {
  const ports = await freePorts('gateway', 'smtp', 'inbox', 'web', 'auth', 'user', 'project', 'comms');
  const child = spawn(process.execPath, ['apps/embedded/dist/main.js'], {
    cwd: root,
    env: {
      ...testEnv,
      DATA_DIR: options.dataDir,
      GATEWAY_PORT: String(ports.gateway),
      SMTP_PORT: String(ports.smtp),
      INBOX_PORT: String(ports.inbox),
      WEB_PORT: String(ports.web),
      AUTH_GRPC_PORT: String(ports.auth),
      USER_GRPC_PORT: String(ports.user),
      PROJECT_GRPC_PORT: String(ports.project),
      COMMS_GRPC_PORT: String(ports.comms),
      WEB_URL: `http://127.0.0.1:${ports.web}`,
      START_WEB: options.web ? 'true' : 'false',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const deadline = Date.now() + 120_000;
  while (!output.includes('is ready')) {
    if (child.exitCode !== null) throw new Error(`the embedded platform exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the embedded platform did not start within 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    gatewayUrl,
    inboxUrl: `http://127.0.0.1:${ports.inbox}`,
    webUrl: `http://127.0.0.1:${ports.web}`,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
