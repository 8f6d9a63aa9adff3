import { ConfigReader } from '@backstage/config';
import { accountRoleFromConfig } from './AccountCredentials';

const config = new ConfigReader({
  aws: {
    mainAccount: { accessKeyId: 'hub', secretAccessKey: 'hub-secret' },
    accountDefaults: { roleName: 'stagelight-spoke', region: 'eu-west-1' },
    accounts: [
      {
        accountId: '111111111111',
        roleName: 'reader',
        partition: 'aws-us-gov',
        externalId: 'ext-1',
        region: 'us-gov-west-1',
      },
      {
        accountId: '222222222222',
        roleName: 'reader',
        accessKeyId: 'own',
        secretAccessKey: 'own-secret',
      },
      { accountId: '333333333333', accessKeyId: 'k', secretAccessKey: 's' },
    ],
  },
});

describe('the role assumed per account, from the aws integration config', () => {
  it("takes a listed account's own role, partition, external id and STS region", () => {
    expect(accountRoleFromConfig(config, '111111111111')).toEqual({
      accountId: '111111111111',
      roleArn: 'arn:aws-us-gov:iam::111111111111:role/reader',
      stsRegion: 'us-gov-west-1',
      externalId: 'ext-1',
      webIdentityTokenFile: undefined,
      sourceKeys: undefined,
    });
  });

  it("assumes a listed account's role with its own keys when it has them", () => {
    expect(accountRoleFromConfig(config, '222222222222')).toMatchObject({
      roleArn: 'arn:aws:iam::222222222222:role/reader',
      stsRegion: 'us-east-1',
      sourceKeys: { accessKeyId: 'own', secretAccessKey: 'own-secret' },
    });
  });

  it('uses accountDefaults for an account not listed, and no role for a listed one without roleName', () => {
    expect(accountRoleFromConfig(config, '444444444444')).toMatchObject({
      roleArn: 'arn:aws:iam::444444444444:role/stagelight-spoke',
      stsRegion: 'eu-west-1',
    });
    // As integration-aws-node does: its static keys, no role.
    expect(accountRoleFromConfig(config, '333333333333')).toBeUndefined();
    expect(
      accountRoleFromConfig(new ConfigReader({ aws: {} }), '444444444444'),
    ).toBeUndefined();
  });
});
