import { Match, Template } from 'aws-cdk-lib/assertions';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { DEFAULT_TAG_KEYS, environmentTags } from '@stagelight/tag-contract';
import { SAMPLE_CLINIC_CONFIG_PATH } from '../__testUtils__/sampleClinic';
import { loadClinicConfig } from '../config/loadClinicConfig';
import { environmentNames } from '../config/names';
import type { ClinicConfig } from '../config/schema';
import { synthesizeClinic, SynthesizedClinic } from './synthesizeClinic';

const MARKER = 'c0ffee1234ab';
const CFN_LINT = process.env.CFN_LINT ?? '/root/.pyenv/shims/cfn-lint';

let config: ClinicConfig;
let clinic: SynthesizedClinic;
const templates = new Map<string, Template>();

beforeAll(() => {
  config = loadClinicConfig(SAMPLE_CLINIC_CONFIG_PATH);
  clinic = synthesizeClinic(config, MARKER);
  for (const stack of clinic.stacks) {
    templates.set(stack.stageEnvironment.stage.name, Template.fromStack(stack));
  }
});

afterAll(() => {
  rmSync(clinic.outdir, { recursive: true, force: true });
});

const template = (stage: string) => {
  const t = templates.get(stage);
  if (!t) throw new Error(`no template for ${stage}`);
  return t;
};
const stageOf = (name: string) => config.stages.find(s => s.name === name)!;
const namesOf = (name: string) => environmentNames(config, stageOf(name));

// Resource types CloudFormation cannot tag (or that have no cost and no identity of their own).
const UNTAGGABLE = new Set([
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::IAM::Policy',
  'AWS::KMS::Alias',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::SecretsManager::SecretTargetAttachment',
  'AWS::WAFv2::LoggingConfiguration',
  'AWS::WAFv2::WebACLAssociation',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolDomain',
  'AWS::Cognito::UserPoolIdentityProvider',
  'AWS::CloudFront::OriginAccessControl',
  'AWS::Backup::BackupSelection',
  'Custom::VpcRestrictDefaultSG',
]);

function tagsOf(
  properties: Record<string, unknown>,
): Record<string, string> | undefined {
  const entry =
    Object.entries(properties).find(([k]) => k === 'Tags') ??
    Object.entries(properties).find(
      ([k, v]) => k.endsWith('Tags') && typeof v === 'object',
    );
  if (!entry) {
    const plan = properties.BackupPlan as Record<string, unknown> | undefined;
    return plan ? tagsOf(plan) : undefined;
  }
  const value = entry[1];
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((t: { Key: string; Value: string }) => [t.Key, t.Value]),
    );
  }
  return value as Record<string, string>;
}

describe('the clinic app', () => {
  it('has one stack per configured stage, named by the convention', () => {
    expect(clinic.stacks.map(s => s.stackName)).toEqual(
      config.stages.map(s => `ir-${config.clinic}-${s.name}`),
    );
    expect(clinic.stacks.map(s => [s.account, s.region])).toEqual(
      config.stages.map(s => [s.account, s.region]),
    );
  });

  it.each(['dev', 'test', 'staging', 'prod'])(
    'tags every taggable resource of %s with the contract',
    stage => {
      const resources = template(stage).toJSON().Resources as Record<
        string,
        { Type: string; Properties?: Record<string, unknown> }
      >;
      const untagged: string[] = [];
      for (const [id, resource] of Object.entries(resources)) {
        if (UNTAGGABLE.has(resource.Type)) continue;
        const tags = tagsOf(resource.Properties ?? {});
        const component = tags?.[DEFAULT_TAG_KEYS.component];
        const expected = component
          ? environmentTags({
              clinic: config.clinic,
              stage,
              component: component as never,
              owner: config.owner,
            })
          : undefined;
        if (
          !expected ||
          !Object.entries(expected).every(([k, v]) => tags?.[k] === v)
        ) {
          untagged.push(`${resource.Type} ${id}`);
        }
      }
      expect(untagged).toEqual([]);
    },
  );

  it('tags each concern with its component', () => {
    const t = template('dev');
    const n = namesOf('dev');
    const componentOf = (type: string, match: Record<string, unknown>) => {
      const found = Object.values(t.findResources(type, { Properties: match }));
      expect(found).toHaveLength(1);
      return tagsOf(found[0].Properties)?.[DEFAULT_TAG_KEYS.component];
    };
    expect(
      componentOf('AWS::S3::Bucket', { BucketName: n.uploadsBucket }),
    ).toBe('uploads');
    expect(
      componentOf('AWS::S3::Bucket', { BucketName: n.archiveBucket }),
    ).toBe('archive');
    expect(componentOf('AWS::SQS::Queue', { QueueName: n.ingestQueue })).toBe(
      'queue',
    );
    expect(componentOf('AWS::SQS::Queue', { QueueName: n.ingestDlq })).toBe(
      'dlq',
    );
    expect(
      componentOf('AWS::Lambda::Function', { FunctionName: n.ingestFunction }),
    ).toBe('ingest');
    expect(
      componentOf('AWS::Lambda::Function', { FunctionName: n.notifyFunction }),
    ).toBe('notify');
    expect(componentOf('AWS::ECS::Service', { ServiceName: 'api' })).toBe(
      'api',
    );
    expect(
      componentOf('AWS::RDS::DBCluster', { DBClusterIdentifier: n.dbCluster }),
    ).toBe('db');
    expect(componentOf('AWS::S3::Bucket', { BucketName: n.webBucket })).toBe(
      'web',
    );
    expect(
      componentOf('AWS::Cognito::UserPool', { UserPoolName: n.prefix }),
    ).toBe('auth');
  });

  it('sends object-created events under the clinic prefix with the image suffix to the ingest queue', () => {
    const t = template('dev');
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: namesOf('dev').uploadsBucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Event: 's3:ObjectCreated:*',
            Queue: {
              'Fn::GetAtt': [
                Match.stringLikeRegexp('^IngestQueue[0-9A-F]{8}$'),
                'Arn',
              ],
            },
            Filter: {
              S3Key: {
                Rules: [
                  { Name: 'prefix', Value: 'northwind/' },
                  { Name: 'suffix', Value: '.jpg' },
                ],
              },
            },
          },
        ],
      },
    });
    // The bucket is created only after the queue policy lets S3 send to the queue.
    const bucket = Object.values(
      t.findResources('AWS::S3::Bucket', {
        Properties: { BucketName: namesOf('dev').uploadsBucket },
      }),
    )[0];
    expect(bucket.DependsOn).toEqual(
      expect.arrayContaining([expect.stringMatching(/^IngestQueuePolicy/)]),
    );
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sqs:SendMessage',
            Principal: { Service: 's3.amazonaws.com' },
            Condition: Match.objectLike({
              ArnEquals: {
                'aws:SourceArn': {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      `:s3:::${namesOf('dev').uploadsBucket}`,
                    ],
                  ],
                },
              },
            }),
          }),
        ]),
      },
    });
  });

  it('gives the ingest queue a dead-letter queue and consumes it with partial batch failures', () => {
    const t = template('dev');
    t.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: namesOf('dev').ingestQueue,
      KmsMasterKeyId: Match.anyValue(),
      VisibilityTimeout: 180,
      RedrivePolicy: {
        deadLetterTargetArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^IngestQueueDlq'), 'Arn'],
        },
        maxReceiveCount: 5,
      },
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^IngestLambdaFunction') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('configures the Lambdas from the clinic config and the derived names', () => {
    const t = template('staging');
    const n = namesOf('staging');
    t.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: n.ingestFunction,
      Runtime: 'nodejs24.x',
      Environment: {
        Variables: Match.objectLike({
          API_BASE_URL: `https://${n.apiHost}`,
          UPLOAD_PREFIX: 'northwind/',
          IMAGE_SUFFIX: '.jpg',
          NOTIFY_FUNCTION_NAME: {
            Ref: Match.stringLikeRegexp('^NotifyLambdaFunction'),
          },
        }),
      },
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: n.notifyFunction,
      DeadLetterConfig: { TargetArn: Match.anyValue() },
      Environment: {
        Variables: Match.objectLike({
          SENDER_EMAIL: config.senderEmail,
          REVIEWER_EMAILS: config.reviewers.join(','),
        }),
      },
    });
    t.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: config.senderEmail,
    });
  });

  it('puts the deploy marker into the task definition and the image tag', () => {
    const t = template('dev');
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'api',
          Image: Match.objectLike({
            'Fn::Join': [
              '',
              Match.arrayWith([`/${namesOf('dev').apiRepository}:${MARKER}`]),
            ],
          }),
          Environment: Match.arrayWith([
            { Name: 'DEPLOY_MARKER', Value: MARKER },
          ]),
          PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
        }),
      ],
    });
  });

  it('runs the API as service "api" in cluster ir-<clinic>-<stage>, sized per stage', () => {
    for (const stage of config.stages) {
      const t = template(stage.name);
      t.hasResourceProperties('AWS::ECS::Cluster', {
        ClusterName: `ir-${config.clinic}-${stage.name}`,
      });
      t.hasResourceProperties('AWS::ECS::Service', {
        ServiceName: 'api',
        DesiredCount: stage.size.desiredCount,
        LaunchType: 'FARGATE',
      });
      t.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Cpu: String(stage.size.cpu),
        Memory: String(stage.size.memoryMiB),
      });
    }
  });

  it('tunes the target group health check for fast registration', () => {
    template('dev').hasResourceProperties(
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      {
        HealthCheckPath: '/healthz',
        HealthCheckIntervalSeconds: 5,
        HealthyThresholdCount: 2,
        TargetGroupAttributes: Match.arrayWith([
          { Key: 'deregistration_delay.timeout_seconds', Value: '15' },
        ]),
      },
    );
  });

  it('serves the API over HTTPS only, with HTTP redirected', () => {
    const t = template('dev');
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: Match.anyValue() }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP',
      DefaultActions: [
        Match.objectLike({
          Type: 'redirect',
          RedirectConfig: Match.objectLike({ Protocol: 'HTTPS' }),
        }),
      ],
    });
  });

  it('lets Aurora pause at 0 ACU where the stage allows it and protects prod', () => {
    for (const stage of config.stages) {
      template(stage.name).hasResourceProperties('AWS::RDS::DBCluster', {
        ServerlessV2ScalingConfiguration: {
          MinCapacity: stage.pausable ? 0 : stage.size.dbMinAcu,
          MaxCapacity: stage.size.dbMaxAcu,
        },
        StorageEncrypted: true,
        DeletionProtection: stage.protected,
        BackupRetentionPeriod: 14,
      });
      template(stage.name).hasResourceProperties(
        'AWS::ElasticLoadBalancingV2::LoadBalancer',
        {
          LoadBalancerAttributes: Match.arrayWith([
            {
              Key: 'deletion_protection.enabled',
              Value: String(stage.protected),
            },
          ]),
        },
      );
    }
    expect(stageOf('prod').pausable).toBe(false);
    expect(stageOf('dev').pausable).toBe(true);
  });

  it("applies the IP allow-list only to non-public stages, admitting the stage's own NAT egress", () => {
    const dev = template('dev');
    dev.hasResourceProperties('AWS::WAFv2::WebACL', {
      DefaultAction: { Block: {} },
    });
    dev.hasResourceProperties('AWS::WAFv2::IPSet', {
      Addresses: Match.arrayWith([
        '203.0.113.0/24',
        {
          'Fn::Join': [
            '',
            [
              { Ref: Match.stringLikeRegexp('^NetworkVpcpublicSubnet1EIP') },
              '/32',
            ],
          ],
        },
      ]),
    });
    const prod = template('prod');
    prod.hasResourceProperties('AWS::WAFv2::WebACL', {
      DefaultAction: { Allow: {} },
    });
    prod.resourceCountIs('AWS::WAFv2::IPSet', 0);
  });

  it('encrypts, versions and logs every data bucket and blocks public access', () => {
    const t = template('test');
    for (const bucketName of [
      namesOf('test').uploadsBucket,
      namesOf('test').archiveBucket,
    ]) {
      t.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: bucketName,
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({
              ServerSideEncryptionByDefault: Match.objectLike({
                SSEAlgorithm: 'aws:kms',
              }),
            }),
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({
          DestinationBucketName: Match.anyValue(),
        }),
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
    }
  });

  it('serves the web app through CloudFront, on the stage host where a certificate is configured', () => {
    template('prod').hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: [config.webDomain],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
        }),
      }),
    });
    template('dev').hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: namesOf('dev').notifyFunction,
      Environment: {
        Variables: Match.objectLike({
          WEB_BASE_URL: {
            'Fn::Join': [
              '',
              [
                'https://',
                {
                  'Fn::GetAtt': [
                    Match.stringLikeRegexp('^WebDistribution'),
                    'DomainName',
                  ],
                },
              ],
            ],
          },
        }),
      },
    });
  });

  it('federates the user pool to the configured identity provider', () => {
    const t = template('dev');
    t.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        oidc_issuer:
          config.identityProvider.type === 'oidc'
            ? config.identityProvider.issuer
            : '',
        client_secret: `{{resolve:secretsmanager:${
          namesOf('dev').idpClientSecretName
        }:SecretString:::}}`,
      }),
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['EntraID'],
      AllowedOAuthFlows: ['code'],
    });
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      DeletionProtection: 'INACTIVE',
    });
    template('prod').hasResourceProperties('AWS::Cognito::UserPool', {
      DeletionProtection: 'ACTIVE',
    });
  });

  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks(clinic.app)],
    ['HIPAA Security', () => new HIPAASecurityChecks(clinic.app)],
  ])(
    'passes the cdk-nag %s pack with every suppression justified',
    (_name, pack) => {
      const report = pack().validateScope(clinic.app);
      const summary = report.violations.map(
        v =>
          `${v.severity} ${v.ruleName}: ${v.violatingResources
            .map(r => r.constructPath)
            .join(', ')}`,
      );
      expect(summary).toEqual([]);
      expect(report.success).toBe(true);
    },
  );

  it('leaves a reason on every acknowledged rule', () => {
    const acknowledged = clinic.app.node
      .findAll()
      .flatMap(c => c.node.metadata)
      .filter(m => m.type === 'aws:cdk:acknowledged-rules');
    expect(acknowledged.length).toBeGreaterThan(10);
    for (const entry of acknowledged) {
      for (const [id, reason] of Object.entries(
        entry.data as Record<string, string>,
      )) {
        expect({ id, justified: reason.length > 30 }).toEqual({
          id,
          justified: true,
        });
      }
    }
  });

  it('synthesizes templates that cfn-lint accepts', () => {
    if (!existsSync(CFN_LINT)) {
      throw new Error(
        `cfn-lint not found at ${CFN_LINT}; install it with: pip install cfn-lint (or set CFN_LINT)`,
      );
    }
    // W3005 flags the DependsOn that CDK's own L2 constructs emit next to a Ref
    // or GetAtt on the same resource: redundant ordering, not a template defect.
    const result = spawnSync(
      CFN_LINT,
      ['--ignore-checks', 'W3005', '--', ...clinic.templatePaths],
      {
        encoding: 'utf8',
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
