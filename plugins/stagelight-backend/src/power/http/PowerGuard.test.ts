import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  stagelightEnvironmentReadPermission,
  stagelightEnvironmentWakePermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { PowerAuditLog } from '../audit/PowerAuditLog';
import { PowerAuditor } from '../audit/PowerAuditor';
import { migrate } from '../__testUtils__/powerFixture';
import { PowerGuard } from './PowerGuard';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const CONDITIONAL: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'stagelight',
  resourceType: 'stagelight-environment',
  conditions: {
    rule: 'IS_CLINIC_OWNER',
    resourceType: 'stagelight-environment',
    params: { claims: ['group:default/cardiology-leads'] },
  },
};

describe('PowerGuard', () => {
  /** A guard whose policy answers `decide(resourceRef)`, the definitive answer for one environment. */
  async function setup(options: {
    decide?: (
      resourceRef?: string,
    ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    conditional?: PolicyDecision;
  }) {
    const knex = await databases.init('SQLITE_3');
    await migrate(knex);
    const log = new PowerAuditLog(knex);
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result: options.decide?.(r.resourceRef) ?? AuthorizeResult.DENY,
        })),
      authorizeConditional: async requests =>
        requests.map(
          () => options.conditional ?? { result: AuthorizeResult.DENY },
        ),
    });
    const guard = new PowerGuard({
      permissions,
      auditor: new PowerAuditor({
        auditor: mockServices.auditor.mock(),
        log,
        clock: { now: () => new Date('2026-12-01T09:00:00Z') },
      }),
    });
    const wake = (clinic: string | null, stage: string | null) =>
      guard.mutation(
        {
          credentials: mockCredentials.user('user:default/cara'),
          action: stage && clinic ? 'environment-wake' : 'clinic-wake',
          permission: stagelightEnvironmentWakePermission,
          clinic,
          stage,
          reason: 'review',
        },
        async actor => `woken by ${actor}`,
      );
    return { permissions, guard, wake, log };
  }

  it('authorizes one environment as the resource <clinic>/<stage>', async () => {
    const { permissions, wake } = await setup({
      decide: ref =>
        ref === 'northside/dev' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    });
    await expect(wake('northside', 'dev')).resolves.toBe(
      'woken by user:default/cara',
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: stagelightEnvironmentWakePermission,
          resourceRef: 'northside/dev',
        },
      ],
      { credentials: expect.anything() },
    );
    await expect(wake('harbor-view', 'dev')).rejects.toThrow(
      'Not allowed: stagelight.environment.wake on harbor-view/dev',
    );
    expect(permissions.authorizeConditional).not.toHaveBeenCalled();
  });

  it('lets a whole clinic or stage through unless the policy denies outright', async () => {
    const conditional = await setup({ conditional: CONDITIONAL });
    await expect(conditional.wake('northside', null)).resolves.toBe(
      'woken by user:default/cara',
    );
    expect(conditional.permissions.authorizeConditional).toHaveBeenCalledWith(
      [{ permission: stagelightEnvironmentWakePermission }],
      { credentials: expect.anything() },
    );
    expect(conditional.permissions.authorize).not.toHaveBeenCalled();

    const allowed = await setup({
      conditional: { result: AuthorizeResult.ALLOW },
    });
    await expect(allowed.wake(null, 'dev')).resolves.toBeDefined();

    const denied = await setup({
      conditional: { result: AuthorizeResult.DENY },
    });
    await expect(denied.wake('northside', null)).rejects.toThrow(
      'Not allowed: stagelight.environment.wake on every stage of northside',
    );
    await expect(denied.wake(null, 'dev')).rejects.toThrow(
      'Not allowed: stagelight.environment.wake on dev in every clinic',
    );
  });

  it('audits every attempt, the denied ones with their reason', async () => {
    const { wake, log } = await setup({
      decide: ref =>
        ref === 'northside/dev' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    });
    await wake('northside', 'dev');
    await wake('harbor-view', 'dev').catch(() => undefined);
    expect(await log.list({ limit: 10 })).toEqual([
      expect.objectContaining({
        actor: 'user:default/cara',
        action: 'environment-wake',
        clinic: 'harbor-view',
        stage: 'dev',
        reason: 'review',
        result: 'denied',
        detail:
          'NotAllowedError: Not allowed: stagelight.environment.wake on harbor-view/dev',
      }),
      expect.objectContaining({
        clinic: 'northside',
        stage: 'dev',
        result: 'succeeded',
      }),
    ]);
  });

  it('authorizes a basic permission without a resource', async () => {
    const { permissions, guard } = await setup({});
    await expect(
      guard.mutation(
        {
          credentials: mockCredentials.user(),
          action: 'x',
          permission: stagelightEnvironmentReadPermission,
          clinic: 'northside',
          stage: 'dev',
          reason: 'r',
        },
        async () => 'done',
      ),
    ).rejects.toThrow(
      'Not allowed: stagelight.environment.read on northside/dev',
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: stagelightEnvironmentReadPermission }],
      expect.anything(),
    );
  });
});
