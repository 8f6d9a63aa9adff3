import { DEFAULT_TAG_KEYS, APP_NAME } from '@stagelight/tag-contract';
import { AWS_ACTIONS, AwsAction } from '../actions/awsActions';
import {
  POWER_ALLOW_SID,
  POWER_DENY_SID,
  spokePolicyDocument,
} from './spokePolicy';
import { PolicyStatementJson } from './policyDocument';

const ACCOUNT = '210987654321';
const document = spokePolicyDocument({ partition: 'aws', accountId: ACCOUNT });
const statement = (sid: string): PolicyStatementJson => {
  const found = document.Statement.find(s => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
};
/** Where each action is granted: the Sids of the Allow statements naming it. */
const allowedIn = (action: string) =>
  document.Statement.filter(
    s => s.Effect === 'Allow' && s.Action.includes(action),
  ).map(s => s.Sid);

const SID_OF_PURPOSE: Record<string, string> = {
  discover: 'DiscoverTaggedResources',
  status: 'ReadStatus',
  cost: 'ReadCost',
  access: 'CheckAccess',
  power: POWER_ALLOW_SID,
};

describe('the spoke policy', () => {
  it.each(AWS_ACTIONS.map(a => [a.action, a.purpose] as const))(
    'allows %s exactly once, in the statement for %s',
    (action, purpose) => {
      expect(allowedIn(action)).toEqual([SID_OF_PURPOSE[purpose]]);
    },
  );

  it('grants nothing the list lacks, and no wildcard action', () => {
    const granted = document.Statement.filter(s => s.Effect === 'Allow')
      .flatMap(s => s.Action)
      .sort();
    expect(granted).toEqual(AWS_ACTIONS.map(a => a.action).sort());
    expect(granted.filter(a => a.includes('*'))).toEqual([]);
  });

  it('reads on every resource, without conditions', () => {
    const reads = document.Statement.filter(
      s => s.Sid !== POWER_ALLOW_SID && s.Sid !== POWER_DENY_SID,
    );
    expect(reads.map(s => s.Sid)).toEqual(
      expect.arrayContaining([
        'DiscoverTaggedResources',
        'ReadStatus',
        'ReadCost',
      ]),
    );
    for (const { Sid: sid } of reads) {
      expect(statement(sid)).toMatchObject({ Effect: 'Allow', Resource: '*' });
      expect(statement(sid).Condition).toBeUndefined();
    }
  });

  it('changes power only of resources carrying the app tag', () => {
    expect(statement(POWER_ALLOW_SID).Condition).toEqual({
      StringEquals: {
        [`aws:ResourceTag/${DEFAULT_TAG_KEYS.app}`]: APP_NAME,
      },
    });
  });

  it('denies every power action on resources tagged with a protected stage', () => {
    const deny = statement(POWER_DENY_SID);
    expect(deny.Effect).toBe('Deny');
    expect(deny.Action).toEqual(
      AWS_ACTIONS.filter(a => a.purpose === 'power')
        .map(a => a.action)
        .sort(),
    );
    expect(deny.Condition).toEqual({
      StringEquals: { [`aws:ResourceTag/${DEFAULT_TAG_KEYS.stage}`]: ['prod'] },
    });
    // Every resource of each service with a power action, in this account.
    const services = [
      ...new Set(
        AWS_ACTIONS.filter(a => a.purpose === 'power').map(
          a => a.action.split(':')[0],
        ),
      ),
    ].sort();
    expect(services).toEqual(expect.arrayContaining(['ecs', 'rds']));
    expect(deny.Resource).toEqual(
      services.map(service => `arn:aws:${service}:*:${ACCOUNT}:*`),
    );
  });

  it('takes the tag keys, the app tag value and the protected stages from its options', () => {
    const custom = spokePolicyDocument({
      partition: 'aws-us-gov',
      accountId: ACCOUNT,
      appTag: { key: 'acme:app', value: 'radiology' },
      stageTagKey: 'acme:stage',
      protectedStages: ['prod', 'staging'],
    });
    const bySid = (sid: string) => custom.Statement.find(s => s.Sid === sid)!;
    expect(bySid(POWER_ALLOW_SID).Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/acme:app': 'radiology' },
    });
    expect(bySid(POWER_DENY_SID).Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/acme:stage': ['prod', 'staging'] },
    });
    expect(bySid(POWER_DENY_SID).Resource).toContain(
      `arn:aws-us-gov:ecs:*:${ACCOUNT}:*`,
    );
  });

  it('picks up actions added to the list, of any service, with no edit here', () => {
    const actions: AwsAction[] = [
      ...AWS_ACTIONS,
      {
        action: 'application-autoscaling:RegisterScalableTarget',
        purpose: 'power',
        why: 'lowers the minimum of a scalable target for sleep',
      },
      {
        action: 'application-autoscaling:DescribeScalableTargets',
        purpose: 'status',
        why: 'the scalable target of each service and its bounds',
      },
    ];
    const grown = spokePolicyDocument({
      partition: 'aws',
      accountId: ACCOUNT,
      actions,
    });
    const bySid = (sid: string) => grown.Statement.find(s => s.Sid === sid)!;
    expect(bySid('ReadStatus').Action).toContain(
      'application-autoscaling:DescribeScalableTargets',
    );
    expect(bySid(POWER_ALLOW_SID).Action).toContain(
      'application-autoscaling:RegisterScalableTarget',
    );
    expect(bySid(POWER_DENY_SID).Action).toContain(
      'application-autoscaling:RegisterScalableTarget',
    );
    expect(bySid(POWER_DENY_SID).Resource).toContain(
      `arn:aws:application-autoscaling:*:${ACCOUNT}:*`,
    );
  });

  it('leaves out the statement of a purpose with no action', () => {
    const onlyReads = spokePolicyDocument({
      partition: 'aws',
      accountId: ACCOUNT,
      actions: AWS_ACTIONS.filter(a => a.purpose !== 'power'),
    });
    expect(onlyReads.Statement.map(s => s.Sid)).toEqual([
      'DiscoverTaggedResources',
      'ReadStatus',
      'ReadCost',
      'CheckAccess',
    ]);
  });

  it('gives a purpose added later a read statement of its own', () => {
    const grown = spokePolicyDocument({
      partition: 'aws',
      accountId: ACCOUNT,
      actions: [
        ...AWS_ACTIONS,
        {
          action: 'application-autoscaling:DescribeScalableTargets',
          purpose: 'auto-scaling' as any,
          why: 'the scalable target of each service and its bounds',
        },
      ],
    });
    expect(grown.Statement.find(s => s.Sid === 'ReadAutoScaling')).toEqual({
      Sid: 'ReadAutoScaling',
      Effect: 'Allow',
      Action: ['application-autoscaling:DescribeScalableTargets'],
      Resource: '*',
    });
  });
});
