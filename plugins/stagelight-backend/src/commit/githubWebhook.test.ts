import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import request from 'supertest';
import { stagelightPlugin } from '../plugin';
import { eventsModuleStagelightJsonBody } from './eventsModuleJsonBody';
import { createFleetFixture } from '../__testUtils__/fleetFixture';
import { localAwsSuite } from '../__testUtils__/localAwsSuite';
import { testConfigData } from '../__testUtils__/testSettings';
import { waitForSnapshot } from '../__testUtils__/waitForSnapshot';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const SECRET = 'webhook-test-secret';

/**
 * The GitHub module's default export loads its two modules with a dynamic
 * import, which Jest's VM cannot run; the same modules, loaded directly.
 */
function githubModule(name: string) {
  const root = dirname(
    require.resolve(
      '@backstage/plugin-events-backend-module-github/package.json',
    ),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(root, 'dist', 'service', `${name}.cjs.js`)).default;
}

const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * The whole webhook path as the portal wires it: the events backend's HTTP
 * ingress at /api/events/http/github, the GitHub module checking the
 * signature, and Stagelight waking on github.push.
 */
describe('GitHub webhooks with a secret', () => {
  const local = localAwsSuite();

  it('refuses unsigned and wrongly signed pushes and malformed bodies; nothing wakes until a signed push', async () => {
    await createFleetFixture(local.moto().endpoint, [
      {
        clinic: 'northside',
        stage: 'dev',
        desiredCount: 0,
        marker: 'm-northside-dev',
        dbStopped: true,
      },
    ]);
    const knex = await databases.init('SQLITE_3');
    // One in-process events service for the ingress, the router and Stagelight.
    const events = mockServices.events();
    const { server } = await startTestBackend({
      features: [
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        stagelightPlugin,
        eventsPlugin,
        eventsModuleStagelightJsonBody,
        githubModule('eventsModuleGithubWebhook'),
        githubModule('eventsModuleGithubEventRouter'),
        mockServices.rootConfig.factory({
          data: {
            ...testConfigData(local.moto().endpoint, {
              readiness: { probeTimeoutSeconds: 1 },
              wakeOnCommit: {
                repositories: { 'clinics/northside-image-review': 'northside' },
              },
            }),
            events: { modules: { github: { webhookSecret: SECRET } } },
          },
        }),
        mockServices.database.factory({ knex }),
      ],
    });
    await waitForSnapshot(server);

    const push = JSON.stringify({
      ref: 'refs/heads/dev',
      after: 'feedbeef0123456789abcdef0123456789abcdef',
      repository: { full_name: 'clinics/northside-image-review' },
      pusher: { name: 'octocat' },
      sender: { login: 'octocat' },
    });
    const post = (body: string, signature?: string) => {
      const req = request(server)
        .post('/api/events/http/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', 'push');
      return (signature ? req.set('X-Hub-Signature-256', signature) : req).send(
        body,
      );
    };
    const operations = async () =>
      (
        await request(server).get(
          '/api/stagelight/environments/northside/dev/operations',
        )
      ).body.items;

    expect((await post(push)).status).toBe(403);
    expect((await post(push, sign(push, 'not-the-secret'))).status).toBe(403);
    expect((await post(push, sign(`${push} `))).status).toBe(403);
    const malformed = '{"ref": "refs/heads/dev",';
    expect((await post(malformed, sign(malformed))).status).toBe(400);
    expect(await operations()).toEqual([]);

    // The same push, signed: accepted, and the environment wakes.
    expect((await post(push, sign(push))).status).toBe(202);
    for (let i = 0; (await operations()).length === 0; i++) {
      expect(i).toBeLessThan(100);
      await new Promise(r => setTimeout(r, 100));
    }
    expect(await operations()).toEqual([
      expect.objectContaining({ kind: 'wake', requestedBy: 'github:octocat' }),
    ]);
  });
});
