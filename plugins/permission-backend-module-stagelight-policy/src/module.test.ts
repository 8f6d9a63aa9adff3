import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import permissionModuleStagelightPolicy from './index';

/** Group membership as the catalog would resolve it. */
const MEMBERSHIP: Record<string, string[]> = {
  'user:default/lee.lead': ['group:default/leads', 'group:default/developers'],
  'user:default/max.manager': ['group:default/managers'],
  'user:default/guest': ['group:default/developers'],
};

describe('the Stagelight policy in the permission backend', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleStagelightPolicy,
        mockServices.rootConfig.factory({ data: { permission: { enabled: true } } }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string }).userEntityRef;
            return { userEntityRef: ref, ownershipEntityRefs: [ref, ...(MEMBERSHIP[ref] ?? [])] };
          },
        }).factory,
      ],
    }));
  });

  async function decide(userRef: string, permission: string) {
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('Authorization', mockCredentials.user.header(userRef))
      .send({ items: [{ id: '1', permission: { type: 'basic', name: permission, attributes: {} } }] });
    expect(res.status).toBe(200);
    return res.body.items[0].result as string;
  }

  it('lets a lead wake and a developer only read', async () => {
    expect(await decide('user:default/lee.lead', 'stagelight.environment.wake')).toBe('ALLOW');
    expect(await decide('user:default/guest', 'stagelight.environment.wake')).toBe('DENY');
    expect(await decide('user:default/guest', 'stagelight.environment.read')).toBe('ALLOW');
  });

  it('lets a manager read cost but not sleep an environment', async () => {
    expect(await decide('user:default/max.manager', 'stagelight.cost.read')).toBe('ALLOW');
    expect(await decide('user:default/max.manager', 'stagelight.environment.sleep')).toBe('DENY');
  });

  it('leaves other plugins permissions allowed', async () => {
    expect(await decide('user:default/guest', 'catalog.entity.read')).toBe('ALLOW');
  });
});
