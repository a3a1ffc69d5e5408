import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStaticSite, type StaticSite } from './static-site.js';

describe('serveStaticSite', () => {
  const parent = mkdtempSync(join(tmpdir(), 'msp-static-'));
  const dir = join(parent, 'site');
  let site: StaticSite;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets/app.js'), 'console.log(1)');
    writeFileSync(join(parent, 'secret.txt'), 'outside');
    site = await serveStaticSite(dir);
  });

  afterAll(async () => {
    await site?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves files with their content type', async () => {
    const response = await fetch(`${site.url}/assets/app.js`);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers index.html for client-side routes', async () => {
    const response = await fetch(`${site.url}/projects/abc/tasks/WEB-1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('never serves a file outside its directory', async () => {
    const response = await fetch(`${site.url}/%2e%2e/secret.txt`);
    expect(await response.text()).not.toContain('outside');
  });

  it('refuses a directory without index.html', async () => {
    await expect(serveStaticSite(join(parent, 'missing'))).rejects.toThrow(/no index.html/);
  });
});
