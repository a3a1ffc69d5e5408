import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generousRateLimits, startEmbedded, type RunningPlatform } from '../platforms.js';
import { newProject } from '../project-helpers.js';
import { newCustomer } from '../security-helpers.js';

const ADMIN = { email: 'projects-admin@example.test', password: 'projects-admin-password-1' };

// The admin project directory through the gateway, as an outside client: platform admins see every
// project without being a member; customers, project owners included, are refused (403), and
// anonymous callers must sign in (401).
describe('admin project directory, through the gateway (embedded platform)', () => {
  let platform: RunningPlatform;
  let gateway: TestGatewayClient;
  let adminToken: string;
  let owner: Awaited<ReturnType<typeof newCustomer>>;
  let project: { id: string; key: string; name: string };

  beforeAll(async () => {
    platform = await startEmbedded({ ...generousRateLimits, PLATFORM_ADMIN_EMAIL: ADMIN.email, PLATFORM_ADMIN_PASSWORD: ADMIN.password });
    gateway = new TestGatewayClient(platform.gatewayUrl);
    owner = await newCustomer(gateway, new DevInboxClient(platform.inboxUrl), 'owner');
    project = await newProject(gateway, owner.accessToken, 'Directory');
    adminToken = (await gateway.call('POST', '/api/v1/auth/login', { body: ADMIN })).body.accessToken;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('lets a platform admin find a project they are not a member of, and open it', async () => {
    const list = await gateway.call('GET', `/api/v1/admin/projects?q=${project.key.toLowerCase()}`, { token: adminToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([project.id]);

    const detail = await gateway.call('GET', `/api/v1/admin/projects/${project.id}`, { token: adminToken });
    expect(detail.status).toBe(200);
    // The owner's address reaches the project service by an event from auth: it may land a moment later.
    const ownerEmail = () =>
      gateway.call('GET', `/api/v1/admin/projects/${project.id}`, { token: adminToken }).then((r) => r.body.owner?.email);
    await expect.poll(ownerEmail).toBe(owner.email);
    expect(detail.body).toMatchObject({
      id: project.id,
      key: project.key,
      plan: 'free',
      archived: false,
      owner: { id: owner.userId },
      membersCount: 1,
      tasksCount: 0,
    });
  });

  it('refuses customers, the project owner included, and anonymous callers', async () => {
    for (const path of ['/api/v1/admin/projects', `/api/v1/admin/projects/${project.id}`]) {
      const asOwner = await gateway.call('GET', path, { token: owner.accessToken });
      expect(asOwner.status, path).toBe(403);
      expect(JSON.stringify(asOwner.body), path).not.toContain(project.key);
      expect((await gateway.call('GET', path)).status, path).toBe(401);
    }
  });

  it('answers 400 with the fields for unknown filters, and 404 for a project that does not exist', async () => {
    const invalid = await gateway.call('GET', '/api/v1/admin/projects?status=gone&plan=gold', { token: adminToken });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['plan', 'status']);
    const missing = await gateway.call('GET', `/api/v1/admin/projects/${owner.userId}`, { token: adminToken });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('PROJECT_NOT_FOUND');
  });
});
