import { ConfigReader } from '@backstage/config';
import { DEFAULT_TAG_KEYS } from '@stagelight/tag-contract';
import { readStagelightSettings } from './StagelightConfig';

const TARGETS = { targets: [{ regions: ['us-east-1'] }] };

describe('readStagelightSettings', () => {
  it('defaults to the tag contract and the default stages', () => {
    const s = readStagelightSettings(
      new ConfigReader({
        stagelight: { aws: TARGETS },
      }),
    );
    expect(s.stages).toEqual([
      { name: 'dev', protected: false },
      { name: 'test', protected: false },
      { name: 'staging', protected: false },
      { name: 'prod', protected: true },
    ]);
    expect(s.tags).toEqual(expect.objectContaining(DEFAULT_TAG_KEYS));
    expect(s.aws).toEqual(
      expect.objectContaining({
        endpoint: undefined,
        targets: [{ region: 'us-east-1' }],
        maxAttempts: 4,
      }),
    );
    expect(s.readiness).toEqual(
      expect.objectContaining({
        path: '/version',
        baseUrlTemplate: undefined,
        maxWaitSeconds: 300,
      }),
    );
    expect(s.refresh.interval).toEqual({ minutes: 1 });
  });

  it('reads stages, targets, tags, readiness and refresh', () => {
    const s = readStagelightSettings(
      new ConfigReader({
        aws: { mainAccount: { region: 'eu-central-1' } },
        stagelight: {
          stages: [{ name: 'dev' }, { name: 'live', protected: true }],
          aws: {
            endpoint: 'http://127.0.0.1:4566',
            targets: [
              { regions: ['eu-central-1'] },
              {
                accountId: '222222222222',
                regions: ['us-east-1', 'eu-west-1'],
              },
            ],
          },
          tags: { clinic: 'acme:clinic', owner: 'acme:owner' },
          readiness: {
            baseUrlTemplate: 'https://api.{stage}.{clinic}.example.com',
            path: '/healthz/version',
          },
          refresh: { interval: { minutes: 2 } },
        },
      }),
    );
    expect(s.stages).toEqual([
      { name: 'dev', protected: false },
      { name: 'live', protected: true },
    ]);
    expect(s.aws.targets).toEqual([
      { accountId: undefined, region: 'eu-central-1' },
      { accountId: '222222222222', region: 'us-east-1' },
      { accountId: '222222222222', region: 'eu-west-1' },
    ]);
    expect(s.aws.endpoint).toBe('http://127.0.0.1:4566');
    expect(s.tags.clinic).toBe('acme:clinic');
    expect(s.tags.owner).toBe('acme:owner');
    expect(s.readiness.path).toBe('/healthz/version');
    expect(s.refresh.interval).toEqual({ minutes: 2 });
  });

  it('requires stagelight.aws.targets, each with at least one region, and names the key and the fix', () => {
    const read = (stagelight: object) => () =>
      readStagelightSettings(
        new ConfigReader({
          aws: { mainAccount: { region: 'eu-north-1' } },
          stagelight,
        }),
      );
    // No default account or region: a missing list is a configuration mistake, not "scan us-east-1".
    for (const stagelight of [{}, { aws: {} }, { aws: { endpoint: 'x' } }]) {
      expect(read(stagelight)).toThrow(
        /^Missing required config value at 'stagelight\.aws\.targets'\. Add the AWS accounts and regions .*targets: \[\{ regions: \['eu-central-1'\] \}\]/,
      );
    }
    expect(read({ aws: { targets: [] } })).toThrow(
      "'stagelight.aws.targets' must list at least one target.",
    );
    expect(
      read({ aws: { targets: [{ regions: ['x-1'] }, { accountId: '2' }] } }),
    ).toThrow(
      "Missing required config value at 'stagelight.aws.targets[1].regions': list the regions to scan in account 2",
    );
    expect(read({ aws: { targets: [{ regions: [] }] } })).toThrow(
      "'stagelight.aws.targets[0].regions' must list at least one region",
    );
  });

  it('rejects duplicate stages and a path without a slash', () => {
    expect(() =>
      readStagelightSettings(
        new ConfigReader({
          stagelight: { stages: [{ name: 'dev' }, { name: 'dev' }] },
        }),
      ),
    ).toThrow(/distinct/);
    expect(() =>
      readStagelightSettings(
        new ConfigReader({
          stagelight: { aws: TARGETS, readiness: { path: 'version' } },
        }),
      ),
    ).toThrow(/must start with \//);
  });
});

describe('readStagelightSettings readiness template', () => {
  it('rejects a template that is not a URL', () => {
    expect(() =>
      readStagelightSettings(
        new ConfigReader({
          stagelight: {
            aws: TARGETS,
            readiness: { baseUrlTemplate: 'api.{stage}.example.com' },
          },
        }),
      ),
    ).toThrow(/must be a URL/);
  });
});
