import type {
  DoctorAccount,
  DoctorReport,
} from '@stagelight/backstage-plugin-stagelight-common';

/** An account the portal got into, with two environments, in detail. */
export function reachedAccount(
  overrides: Partial<DoctorAccount> = {},
): DoctorAccount {
  return {
    accountId: '111111111111',
    region: 'us-east-1',
    access: {
      state: 'assumed',
      roleArn: 'arn:aws:iam::111111111111:role/stagelight-spoke',
      identity:
        'arn:aws:sts::111111111111:assumed-role/stagelight-spoke/backstage',
      errorName: null,
      error: null,
    },
    taggedResources: 22,
    listingError: null,
    environments: [
      { clinic: 'alder', stage: 'dev', resources: 11 },
      { clinic: 'alder', stage: 'prod', resources: 11 },
    ],
    unassignedCount: 0,
    unassigned: [],
    permissionCounts: {
      present: 8,
      missing: 0,
      'not-probed': 8,
      'could-not-check': 0,
    },
    permissions: [
      {
        action: 'ecs:DescribeServices',
        purpose: 'status',
        state: 'present',
        note: 'DescribeServices of a cluster named stagelight-doctor-probe',
      },
      {
        action: 'ecs:UpdateService',
        purpose: 'power',
        state: 'not-probed',
        note: 'not probed, read-only: a change cannot be tested without making it',
      },
    ],
    ...overrides,
  };
}

/** The account whose role cannot be assumed, in detail. */
export function refusedAccount(): DoctorAccount {
  return reachedAccount({
    accountId: '222222222222',
    region: 'eu-west-1',
    access: {
      state: 'failed',
      roleArn: 'arn:aws:iam::222222222222:role/stagelight-spoke',
      identity: null,
      errorName: 'AccessDenied',
      error:
        'User: arn:aws:iam::123456789012:user/portal is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/stagelight-spoke',
    },
    taggedResources: null,
    listingError: 'no access to the account',
    environments: [],
    unassignedCount: 0,
    unassigned: [],
    permissionCounts: {
      present: 0,
      missing: 0,
      'not-probed': 0,
      'could-not-check': 0,
    },
    permissions: [],
  });
}

/** A detailed report: a reached account, a refused one, an unknown stage, an unreachable API. */
export function doctorReport(
  overrides: Partial<DoctorReport> = {},
): DoctorReport {
  return {
    checkedAt: '2026-12-01T10:00:00.000Z',
    detail: true,
    accounts: [
      reachedAccount(),
      refusedAccount(),
      reachedAccount({
        accountId: '333333333333',
        access: {
          state: 'assumed',
          roleArn: 'arn:aws:iam::333333333333:role/stagelight-spoke',
          identity: null,
          errorName: null,
          error: null,
        },
        taggedResources: 12,
        environments: [{ clinic: 'cedar', stage: 'dev', resources: 11 }],
        unassignedCount: 1,
        unassigned: [
          {
            arn: 'arn:aws:sqs:us-east-1:333333333333:ir-cedar-qa-ingest',
            clinic: 'cedar',
            stage: 'qa',
            reason: 'unknown-stage',
          },
        ],
        permissionCounts: {
          present: 7,
          missing: 1,
          'not-probed': 8,
          'could-not-check': 0,
        },
        permissions: [
          {
            action: 'lambda:ListFunctions',
            purpose: 'status',
            state: 'missing',
            note: 'AccessDenied: lambda:ListFunctions denied',
          },
        ],
      }),
    ],
    readiness: [
      {
        clinic: 'alder',
        stage: 'dev',
        reachable: true,
        reason: null,
        url: 'http://alder-dev.example/version',
      },
      {
        clinic: 'cedar',
        stage: 'dev',
        reachable: false,
        reason: 'version endpoint answered 503',
        url: 'http://cedar-dev.example/version',
      },
    ],
    costAllocationTags: {
      state: 'could-not-check',
      tags: [
        { key: 'stagelight:stage', status: 'Unknown' },
        { key: 'stagelight:clinic', status: 'Unknown' },
      ],
      reason: 'ce:ListCostAllocationTags failed: InternalFailure',
    },
    ...overrides,
  };
}
