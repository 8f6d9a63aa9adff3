import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  stagelightCostReadPermission,
  stagelightEnvironmentReadPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
  stagelightScheduleEditPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  StagelightPermissionPolicy,
  StagelightPolicyOptions,
} from './StagelightPermissionPolicy';

/** Ownership claims as the catalog resolves them at sign-in. */
const CLAIMS: Record<string, string[]> = {
  'user:default/cara': [
    'user:default/cara',
    'group:default/leads',
    'group:default/cardiology-leads',
  ],
  'user:default/dana': ['user:default/dana', 'group:default/developers'],
};

function policyWith(options?: StagelightPolicyOptions) {
  return new StagelightPermissionPolicy(
    { leads: ['group:default/leads'], managers: [], admins: [] },
    mockServices.userInfo.mock({
      getUserInfo: async credentials => {
        const ref = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        return { userEntityRef: ref, ownershipEntityRefs: CLAIMS[ref] ?? [] };
      },
    }),
    options,
  );
}

const asUser = (userEntityRef: string) => ({
  credentials: mockCredentials.user(userEntityRef),
  info: { userEntityRef, ownershipEntityRefs: [] },
});

describe('StagelightPermissionPolicy', () => {
  const policy = policyWith();

  it('gives a request without a user nothing of Stagelight', async () => {
    expect(
      await policy.handle({ permission: stagelightEnvironmentReadPermission }),
    ).toEqual({
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

  it("lets a lead act on the clinics the lead's groups own and on unowned ones", async () => {
    for (const permission of [
      stagelightEnvironmentWakePermission,
      stagelightEnvironmentSleepPermission,
      stagelightScheduleEditPermission,
    ]) {
      expect(
        await policy.handle({ permission }, asUser('user:default/cara')),
      ).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'stagelight',
        resourceType: 'stagelight-environment',
        conditions: {
          anyOf: [
            {
              rule: 'IS_CLINIC_OWNER',
              resourceType: 'stagelight-environment',
              params: { claims: CLAIMS['user:default/cara'] },
            },
            { rule: 'IS_UNOWNED', resourceType: 'stagelight-environment' },
          ],
        },
      });
    }
    // Basic permissions are not per clinic.
    expect(
      await policy.handle(
        { permission: stagelightCostReadPermission },
        asUser('user:default/cara'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies a developer outright, whichever the clinic', async () => {
    expect(
      await policy.handle(
        { permission: stagelightEnvironmentWakePermission },
        asUser('user:default/dana'),
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets a lead act on every clinic when per-clinic access is off', async () => {
    expect(
      await policyWith({ perClinicAccess: false }).handle(
        { permission: stagelightEnvironmentSleepPermission },
        asUser('user:default/cara'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
