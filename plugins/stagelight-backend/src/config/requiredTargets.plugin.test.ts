import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { stagelightPlugin } from '../plugin';

describe('the stagelight backend without stagelight.aws.targets', () => {
  it('refuses to start and names the missing key and what to add', async () => {
    // No AWS is needed: the plugin reads its settings before it touches AWS or the database.
    const started = startTestBackend({
      features: [
        stagelightPlugin,
        mockServices.rootConfig.factory({
          data: {
            aws: {
              mainAccount: { accessKeyId: 'testing', secretAccessKey: 'x' },
            },
            stagelight: { aws: { endpoint: 'http://127.0.0.1:9' } },
          },
        }),
      ],
    });
    await expect(started).rejects.toThrow(
      "Missing required config value at 'stagelight.aws.targets'. Add the AWS accounts and regions Stagelight scans to app-config.yaml, e.g. stagelight: { aws: { targets: [{ regions: ['eu-central-1'] }] } }",
    );
  });
});
