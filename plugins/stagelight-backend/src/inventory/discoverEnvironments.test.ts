import { DEFAULT_TAG_KEYS, environmentTags } from '@stagelight/tag-contract';
import { discoverEnvironments, findUnassigned } from './discoverEnvironments';

const stages = [
  { name: 'dev', protected: false },
  { name: 'prod', protected: true },
];
const tags = (
  clinic: string,
  stage: string,
  component: 'api' | 'uploads' | 'db',
) => environmentTags({ clinic, stage, component });

describe('discoverEnvironments', () => {
  it('groups resources by clinic and stage in promotion order', () => {
    const envs = discoverEnvironments(
      [
        {
          target: { region: 'us-east-1' },
          resources: [
            {
              arn: 'arn:aws:rds:us-east-1:1:cluster:ir-b-prod-db',
              tags: tags('b', 'prod', 'db'),
            },
            {
              arn: 'arn:aws:ecs:us-east-1:1:service/ir-b-dev/api',
              tags: tags('b', 'dev', 'api'),
            },
            {
              arn: 'arn:aws:s3:::ir-a-dev-uploads',
              tags: tags('a', 'dev', 'uploads'),
            },
          ],
        },
      ],
      DEFAULT_TAG_KEYS,
      stages,
    );
    expect(
      envs.map(e => [e.clinic, e.stage, e.protected, e.resources.length]),
    ).toEqual([
      ['a', 'dev', false, 1],
      ['b', 'dev', false, 1],
      ['b', 'prod', true, 1],
    ]);
    expect(envs[0].resources[0]).toEqual({
      arn: 'arn:aws:s3:::ir-a-dev-uploads',
      component: 'uploads',
      type: 's3',
      name: 'ir-a-dev-uploads',
      accountId: '',
      region: 'us-east-1',
    });
  });

  it('ignores other apps, unknown stages, invalid clinic ids, and duplicate S3 listings', () => {
    const bucket = {
      arn: 'arn:aws:s3:::ir-a-dev-uploads',
      tags: tags('a', 'dev', 'uploads'),
    };
    const envs = discoverEnvironments(
      [
        {
          target: { region: 'us-east-1' },
          resources: [
            bucket,
            {
              arn: 'arn:aws:sqs:us-east-1:1:q1',
              tags: {
                ...tags('a', 'dev', 'api'),
                [DEFAULT_TAG_KEYS.app]: 'other',
              },
            },
            { arn: 'arn:aws:sqs:us-east-1:1:q2', tags: tags('a', 'qa', 'api') },
            {
              arn: 'arn:aws:sqs:us-east-1:1:q3',
              tags: tags('Not_Valid', 'dev', 'api'),
            },
          ],
        },
        { target: { region: 'eu-west-1' }, resources: [bucket] },
      ],
      DEFAULT_TAG_KEYS,
      stages,
    );
    expect(envs).toHaveLength(1);
    expect(envs[0].resources).toHaveLength(1);
  });

  it('reads renamed tag keys and the owner tag', () => {
    const keys = {
      ...DEFAULT_TAG_KEYS,
      clinic: 'acme:clinic',
      owner: 'acme:owner',
    };
    const envs = discoverEnvironments(
      [
        {
          target: { region: 'us-east-1' },
          resources: [
            {
              arn: 'arn:aws:sqs:us-east-1:1:q',
              tags: {
                ...environmentTags(
                  { clinic: 'a', stage: 'dev', component: 'queue' },
                  keys,
                ),
                'acme:owner': 'group:default/radiology',
              },
            },
          ],
        },
      ],
      keys,
      stages,
    );
    expect(envs.map(e => [e.clinic, e.owner])).toEqual([
      ['a', 'group:default/radiology'],
    ]);
  });

  it('reports what belongs to no environment, with the reason, and never guesses', () => {
    const { [DEFAULT_TAG_KEYS.stage]: _stage, ...noStage } = tags(
      'a',
      'dev',
      'api',
    );
    const { [DEFAULT_TAG_KEYS.clinic]: _clinic, ...noClinic } = tags(
      'a',
      'dev',
      'api',
    );
    const listings = [
      {
        target: { accountId: '111111111111', region: 'eu-west-1' },
        resources: [
          {
            arn: 'arn:aws:sqs:eu-west-1:111111111111:ok',
            tags: tags('a', 'dev', 'api'),
          },
          {
            arn: 'arn:aws:sqs:eu-west-1:111111111111:qa',
            tags: tags('a', 'qa', 'api'),
          },
          { arn: 'arn:aws:sqs:eu-west-1:111111111111:nostage', tags: noStage },
          {
            arn: 'arn:aws:sqs:eu-west-1:111111111111:noclinic',
            tags: noClinic,
          },
          {
            arn: 'arn:aws:sqs:eu-west-1:111111111111:bad',
            tags: tags('Not_Valid', 'dev', 'api'),
          },
          {
            arn: 'arn:aws:s3:::ir-a-qa-uploads',
            tags: tags('a', 'qa', 'uploads'),
          },
          {
            arn: 'arn:aws:sqs:eu-west-1:111111111111:other',
            tags: {
              ...tags('a', 'qa', 'api'),
              [DEFAULT_TAG_KEYS.app]: 'other',
            },
          },
        ],
      },
    ];
    expect(findUnassigned(listings, DEFAULT_TAG_KEYS, stages)).toEqual([
      {
        arn: 'arn:aws:sqs:eu-west-1:111111111111:qa',
        accountId: '111111111111',
        region: 'eu-west-1',
        clinic: 'a',
        stage: 'qa',
        reason: 'unknown-stage',
      },
      expect.objectContaining({ stage: null, reason: 'missing-stage' }),
      expect.objectContaining({ clinic: null, reason: 'missing-clinic' }),
      expect.objectContaining({
        clinic: 'Not_Valid',
        reason: 'invalid-clinic',
      }),
      // S3 ARNs name no account or region: where it was listed says.
      expect.objectContaining({
        arn: 'arn:aws:s3:::ir-a-qa-uploads',
        accountId: '111111111111',
        region: 'eu-west-1',
        reason: 'unknown-stage',
      }),
    ]);
    expect(
      discoverEnvironments(listings, DEFAULT_TAG_KEYS, stages).map(e => [
        e.clinic,
        e.stage,
        e.resources.length,
      ]),
    ).toEqual([['a', 'dev', 1]]);
  });
});
