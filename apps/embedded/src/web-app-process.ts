import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('../../web', import.meta.url));

/**
 * Runs the built Next.js app (`next start`) as a child process: Next owns its own server and
 * module system, so it lives beside the services rather than inside their process.
 */
export async function startWebApp(options: {
  host: string;
  port: number;
  gatewayUrl: string;
  inboxUrl: string;
  env: Record<string, string | undefined>;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const nextBin = join(dirname(createRequire(join(webDir, 'package.json')).resolve('next/package.json')), 'dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'start', '-H', options.host, '-p', String(options.port)], {
    cwd: webDir,
    env: { ...options.env, GATEWAY_URL: options.gatewayUrl, DEV_INBOX_URL: options.inboxUrl, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}`;
  await waitUntilServing(`${url}/health`, child);
  return { url, stop: () => stopChild(child) };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web app exited with code ${child.exitCode} (was it built? run npm run build)`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the web app did not answer at ${url} within 60 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
