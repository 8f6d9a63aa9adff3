import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stagelightEnvironmentReadPermission } from '@internal/plugin-stagelight-common';
import { StagelightPermissionPolicy } from './StagelightPermissionPolicy';

describe('StagelightPermissionPolicy', () => {
  const policy = new StagelightPermissionPolicy(
    { leads: ['group:default/leads'], managers: [] },
    mockServices.userInfo.mock({
      getUserInfo: async () => ({ userEntityRef: 'user:default/x', ownershipEntityRefs: [] }),
    }),
  );

  it('gives a request without a user nothing of Stagelight', async () => {
    expect(await policy.handle({ permission: stagelightEnvironmentReadPermission })).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('asks the user info service for group membership', async () => {
    const decision = await policy.handle(
      { permission: stagelightEnvironmentReadPermission },
      {
        credentials: mockCredentials.user('user:default/x'),
        info: { userEntityRef: 'user:default/x', ownershipEntityRefs: [] },
      },
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
