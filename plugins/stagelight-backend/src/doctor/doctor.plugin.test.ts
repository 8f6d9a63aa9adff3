import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  DoctorAccount,
  DoctorReport,
  stagelightAdminPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import request from 'supertest';
import { stagelightAwsExtensionPoint } from '../extensions';
import { stagelightPlugin } from '../plugin';
import { testPolicyModule } from '../__testUtils__/testPolicy';
import {
  refuseAssumeRole,
  refuseOperation,
  roleArnOf,
} from '../__testUtils__/accounts';
import {
  accountFleetConfig,
  REFUSED_ACCOUNT,
  seedAccountFleet,
  UNKNOWN_STAGE_QUEUE,
} from '../__testUtils__/accountFleet';
import { localAwsSuite } from '../__testUtils__/localAwsSuite';
import { waitForSnapshot } from '../__testUtils__/waitForSnapshot';

jest.setTimeout(240_000);

/** A platform admin: holds stagelight.admin. */
const PAT = 'user:default/pat.platform';
/** A developer: every signed-in user's summary, no details. */
const DANA = 'user:default/dana.developer';

/** stagelight.admin for PAT only; everything else for everyone signed in. */
const adminPolicy = testPolicyModule(
  'doctor-test-policy',
  async (req: PolicyQuery, user?: PolicyQueryUser) => {
    if (req.permission.name !== stagelightAdminPermission.name) {
      return { result: AuthorizeResult.ALLOW };
    }
    return {
      result:
        user?.info.userEntityRef === PAT
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    };
  },
);

/** The role in 222222222222 lacks lambda:ListFunctions; the one in 444444444444 cannot be assumed. */
const refusals = createBackendModule({
  pluginId: 'stagelight',
  moduleId: 'doctor-test-refusals',
  register(env) {
    env.registerInit({
      deps: { aws: stagelightAwsExtensionPoint },
      async init({ aws }) {
        aws.addClientCustomizer(refuseAssumeRole(REFUSED_ACCOUNT));
        aws.addClientCustomizer(
          refuseOperation({
            service: 'lambda',
            operation: 'ListFunctions',
            accountId: '222222222222',
            message:
              'User: arn:aws:sts::222222222222:assumed-role/stagelight-spoke/backstage is not authorized to perform: lambda:ListFunctions',
          }),
        );
      },
    });
  },
});

describe('GET /api/stagelight/doctor', () => {
  const local = localAwsSuite();
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    await seedAccountFleet(local.moto().endpoint, local.api());
    // birch/staging's API stops answering: its readiness URL is unreachable.
    local.api().served.delete('birch/staging');
    const backend = await startTestBackend({
      features: [
        stagelightPlugin,
        permissionPlugin,
        adminPolicy,
        refusals,
        mockServices.rootConfig.factory({
          data: {
            ...accountFleetConfig(local.moto().endpoint, local.api()),
            permission: { enabled: true },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    await waitForSnapshot(server, mockCredentials.user.header(DANA));
  });

  afterAll(async () => {
    await stop?.();
  });

  const doctorAs = (user: string) =>
    request(server)
      .get('/api/stagelight/doctor')
      .set('Authorization', mockCredentials.user.header(user));

  const account = (report: DoctorReport, accountId: string, region: string) =>
    report.accounts.find(
      a => a.accountId === accountId && a.region === region,
    ) as DoctorAccount;

  it('gives an admin every account and region in detail, the unassumable one with the STS error', async () => {
    const res = await doctorAs(PAT);
    expect(res.status).toBe(200);
    const report: DoctorReport = res.body;
    expect(report.detail).toBe(true);
    expect(
      report.accounts.map(a => `${a.accountId} ${a.region}`).sort(),
    ).toEqual([
      '111111111111 eu-west-1',
      '111111111111 us-east-1',
      '222222222222 eu-west-1',
      '333333333333 us-east-1',
      '444444444444 us-east-1',
    ]);

    const refused = account(report, REFUSED_ACCOUNT, 'us-east-1');
    expect(refused.access).toEqual({
      state: 'failed',
      roleArn: roleArnOf(REFUSED_ACCOUNT),
      identity: null,
      errorName: 'AccessDenied',
      error: expect.stringContaining(
        `not authorized to perform: sts:AssumeRole on resource: ${roleArnOf(
          REFUSED_ACCOUNT,
        )}`,
      ),
    });
    expect(refused.taggedResources).toBeNull();

    const alder = account(report, '111111111111', 'us-east-1');
    expect(alder.access).toEqual({
      state: 'assumed',
      roleArn: roleArnOf('111111111111'),
      identity: expect.stringMatching(
        /^arn:aws:sts::111111111111:assumed-role\/stagelight-spoke\//,
      ),
      errorName: null,
      error: null,
    });
    expect(alder.environments).toEqual(
      expect.arrayContaining([
        { clinic: 'alder', stage: 'dev', resources: expect.any(Number) },
        { clinic: 'alder', stage: 'prod', resources: expect.any(Number) },
      ]),
    );
    expect(alder.unassignedCount).toBe(0);
    const byAction = new Map(alder.permissions!.map(p => [p.action, p]));
    expect(byAction.get('ecs:DescribeServices')?.state).toBe('present');
    expect(byAction.get('tag:GetResources')?.state).toBe('present');
    expect(
      byAction.get('application-autoscaling:DescribeScalableTargets')?.state,
    ).toBe('present');
    expect(byAction.get('ecs:UpdateService')).toMatchObject({
      state: 'not-probed',
      note: expect.stringMatching(/^not probed, read-only/),
    });
    // Cost is read in the payer account only.
    expect(byAction.has('ce:GetCostAndUsage')).toBe(false);

    const birch = account(report, '222222222222', 'eu-west-1');
    expect(
      birch.permissions!.find(p => p.action === 'lambda:ListFunctions'),
    ).toMatchObject({
      state: 'missing',
      note: expect.stringContaining(
        'not authorized to perform: lambda:ListFunctions',
      ),
    });
    expect(birch.permissionCounts.missing).toBe(1);

    const cedar = account(report, '333333333333', 'us-east-1');
    expect(cedar.unassigned).toEqual([
      {
        arn: `arn:aws:sqs:us-east-1:333333333333:${UNKNOWN_STAGE_QUEUE}`,
        clinic: 'cedar',
        stage: 'qa',
        reason: 'unknown-stage',
      },
    ]);
    expect(cedar.unassignedCount).toBe(1);
  });

  it("probes each environment's readiness URL and says why one does not answer", async () => {
    const report: DoctorReport = (await doctorAs(PAT)).body;
    const byEnv = new Map(
      report.readiness.map(r => [`${r.clinic}/${r.stage}`, r]),
    );
    expect(byEnv.get('alder/dev')).toMatchObject({
      reachable: true,
      reason: null,
      url: expect.stringMatching(/\/alder\/dev\/version$/),
    });
    expect(byEnv.get('birch/staging')).toMatchObject({
      reachable: false,
      reason: 'version endpoint answered 503',
    });
  });

  it('says it could not check the cost allocation tags where Cost Explorer does not answer, with the reason', async () => {
    const report: DoctorReport = (await doctorAs(PAT)).body;
    expect(report.costAllocationTags).toEqual({
      state: 'could-not-check',
      tags: [
        { key: 'stagelight:stage', status: 'Unknown' },
        { key: 'stagelight:clinic', status: 'Unknown' },
      ],
      reason: expect.stringMatching(/^ce:ListCostAllocationTags failed: /),
    });
  });

  it('gives every other signed-in user the summary: what works and how much, no ARNs, messages or URLs', async () => {
    const res = await doctorAs(DANA);
    expect(res.status).toBe(200);
    const report: DoctorReport = res.body;
    expect(report.detail).toBe(false);
    const refused = account(report, REFUSED_ACCOUNT, 'us-east-1');
    expect(refused.access).toEqual({
      state: 'failed',
      errorName: 'AccessDenied',
    });
    const cedar = account(report, '333333333333', 'us-east-1');
    expect(cedar.unassignedCount).toBe(1);
    expect(cedar.unassigned).toBeUndefined();
    expect(cedar.permissions).toBeUndefined();
    expect(cedar.environments).toEqual([
      { clinic: 'cedar', stage: 'dev', resources: expect.any(Number) },
    ]);
    expect(
      account(report, '222222222222', 'eu-west-1').permissionCounts.missing,
    ).toBe(1);
    for (const r of report.readiness) expect(r).not.toHaveProperty('url');
    expect(JSON.stringify(report)).not.toContain('arn:aws');
  });

  it('refuses a request without a signed-in user', async () => {
    const res = await request(server)
      .get('/api/stagelight/doctor')
      .set('Authorization', 'Bearer not-a-token');
    expect(res.status).toBe(401);
  });
});
