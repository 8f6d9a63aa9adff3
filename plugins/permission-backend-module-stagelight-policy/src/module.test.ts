import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { Permission } from '@backstage/plugin-permission-common';
import {
  stagelightCostReadPermission,
  stagelightEnvironmentReadPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import request from 'supertest';
import permissionModuleStagelightPolicy from './index';

/** Group membership as the catalog would resolve it. */
const MEMBERSHIP: Record<string, string[]> = {
  'user:default/lee.lead': [
    'group:default/leads',
    'group:default/developers',
    'group:default/radiology-leads',
  ],
  'user:default/max.manager': ['group:default/managers'],
  'user:default/guest': ['group:default/developers'],
};

describe('the Stagelight policy in the permission backend', () => {
  async function start(policy: object = {}) {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleStagelightPolicy,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true }, stagelight: { policy } },
        }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs: [ref, ...(MEMBERSHIP[ref] ?? [])],
            };
          },
        }).factory,
      ],
    });
    return server;
  }

  /**
   * The decision as the Stagelight backend asks for it on behalf of a user
   * (its token names the backend as actor): a power permission without an
   * environment comes back conditional, for the backend to apply.
   */
  async function decide(
    server: Awaited<ReturnType<typeof start>>,
    userRef: string,
    permission: Permission,
  ) {
    const token = mockCredentials.user.token(userRef, {
      actor: { subject: 'plugin:stagelight' },
    });
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('Authorization', `Bearer ${token}`)
      .send({ items: [{ id: '1', permission }] });
    expect(res.status).toBe(200);
    const { id: _id, ...decision } = res.body.items[0];
    return decision;
  }

  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });

  it('lets a lead wake the clinics the lead owns and unowned ones, and a developer only read', async () => {
    expect(
      await decide(
        server,
        'user:default/lee.lead',
        stagelightEnvironmentWakePermission,
      ),
    ).toEqual({
      result: 'CONDITIONAL',
      pluginId: 'stagelight',
      resourceType: 'stagelight-environment',
      conditions: {
        anyOf: [
          {
            rule: 'IS_CLINIC_OWNER',
            resourceType: 'stagelight-environment',
            params: {
              claims: [
                'user:default/lee.lead',
                ...MEMBERSHIP['user:default/lee.lead'],
              ],
            },
          },
          { rule: 'IS_UNOWNED', resourceType: 'stagelight-environment' },
        ],
      },
    });
    expect(
      await decide(
        server,
        'user:default/guest',
        stagelightEnvironmentWakePermission,
      ),
    ).toEqual({
      result: 'DENY',
    });
    expect(
      await decide(
        server,
        'user:default/guest',
        stagelightEnvironmentReadPermission,
      ),
    ).toEqual({
      result: 'ALLOW',
    });
  });

  it('lets a manager read cost but not sleep an environment', async () => {
    expect(
      await decide(
        server,
        'user:default/max.manager',
        stagelightCostReadPermission,
      ),
    ).toEqual({
      result: 'ALLOW',
    });
    expect(
      await decide(
        server,
        'user:default/max.manager',
        stagelightEnvironmentSleepPermission,
      ),
    ).toEqual({
      result: 'DENY',
    });
  });

  it('leaves other plugins permissions allowed', async () => {
    expect(
      await decide(server, 'user:default/guest', {
        type: 'basic',
        name: 'catalog.entity.read',
        attributes: {},
      }),
    ).toEqual({ result: 'ALLOW' });
  });

  it('lets leads act on every clinic with perClinicAccess: false', async () => {
    const everyClinic = await start({ perClinicAccess: false });
    expect(
      await decide(
        everyClinic,
        'user:default/lee.lead',
        stagelightEnvironmentSleepPermission,
      ),
    ).toEqual({
      result: 'ALLOW',
    });
  });
});
