import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { SAMPLE_CLINIC_CONFIG_PATH } from '../__testUtils__/sampleClinic';
import { ClinicConfigInput, parseClinicConfig } from '../config/schema';
import { ImageReviewStack } from './ImageReviewStack';

/** A second clinic: SAML, its own prefix and suffix, one protected stage with an IPv6 allow-list. */
function variantClinic() {
  const raw: ClinicConfigInput = JSON.parse(
    readFileSync(SAMPLE_CLINIC_CONFIG_PATH, 'utf8'),
  );
  raw.clinic = 'riverside';
  raw.identityProvider = {
    type: 'saml',
    metadataUrl:
      'https://login.microsoftonline.com/tenant/federationmetadata/2007-06/federationmetadata.xml',
  };
  raw.uploadPrefix = 'cameras/riverside/';
  raw.imageSuffix = '.png';
  raw.stages = [
    {
      name: 'qa',
      account: '444444444444',
      region: 'us-east-1',
      protected: true,
      pausable: false,
      size: {
        desiredCount: 1,
        cpu: 512,
        memoryMiB: 1024,
        dbMinAcu: 0.5,
        dbMaxAcu: 2,
      },
      access: { allowCidrs: ['2001:db8::/32', '198.51.100.0/24'] },
    },
  ];
  return parseClinicConfig(raw);
}

describe('a clinic with other choices', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'ir-variant-'));
  const config = variantClinic();
  const app = new App({ outdir });
  const stack = new ImageReviewStack(app, 'variant', {
    config,
    stage: config.stages[0],
    deployMarker: 'v1',
    bundleRoot: join(outdir, 'bundles'),
  });
  const template = Template.fromStack(stack);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('federates through SAML metadata', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({
        MetadataURL: Match.stringLikeRegexp('federationmetadata.xml$'),
      }),
    });
  });

  it('filters uploads by the configured prefix and suffix', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'ir-riverside-qa-uploads-444444444444',
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Filter: {
              S3Key: {
                Rules: [
                  { Name: 'prefix', Value: 'cameras/riverside/' },
                  { Name: 'suffix', Value: '.png' },
                ],
              },
            },
          }),
        ],
      },
    });
  });

  it('protects a stage the config marks protected, whatever its name', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      DeletionProtection: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 },
    });
    expect(stack.terminationProtection).toBe(true);
  });

  it('splits the allow-list into IPv4 and IPv6 sets', () => {
    template.hasResourceProperties('AWS::WAFv2::IPSet', {
      IPAddressVersion: 'IPV6',
      Addresses: ['2001:db8::/32'],
    });
    template.hasResourceProperties('AWS::WAFv2::IPSet', {
      IPAddressVersion: 'IPV4',
      Addresses: Match.arrayWith(['198.51.100.0/24']),
    });
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'AllowListedSources',
          Statement: { OrStatement: Match.anyValue() },
        }),
      ]),
    });
  });

  it('stays clean under both cdk-nag packs', () => {
    for (const pack of [
      new AwsSolutionsChecks(app),
      new HIPAASecurityChecks(app),
    ]) {
      const report = pack.validateScope(app);
      expect(report.violations.map(v => v.ruleName)).toEqual([]);
    }
  });
});
