import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { stagelightPlugin } from '../plugin';
import { testConfigData } from '../__testUtils__/testSettings';

/**
 * The frontend tells "the backend has no Stagelight plugin" from Stagelight's
 * own 404s by the body (plugins/stagelight/src/api/StagelightClient.ts).
 * These pin both answers of a real Backstage backend.
 */
describe('404s under /api/stagelight', () => {
  it('are empty when the backend has no Stagelight plugin', async () => {
    const { server } = await startTestBackend({ features: [] });

    const res = await request(server)
      .get('/api/stagelight/environments')
      .set('Authorization', mockCredentials.user.header());

    expect(res.status).toBe(404);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
  });

  it("carry Backstage's JSON error body when the plugin is installed, even for a path it does not serve", async () => {
    const { server } = await startTestBackend({
      features: [
        stagelightPlugin,
        // Nothing listens there: the background refresh fails, the routes answer regardless.
        mockServices.rootConfig.factory({
          data: testConfigData('http://127.0.0.1:9', {
            refresh: { interval: { hours: 1 } },
          }),
        }),
      ],
    });

    const res = await request(server)
      .get('/api/stagelight/no-such-route')
      .set('Authorization', mockCredentials.user.header());

    expect(res.status).toBe(404);
    expect(res.body).toEqual(
      expect.objectContaining({
        error: expect.objectContaining({
          name: 'NotFoundError',
          message: expect.stringContaining(
            'Stagelight has no route GET /no-such-route',
          ),
        }),
        request: {
          method: 'GET',
          url: expect.stringContaining('no-such-route'),
        },
        response: { statusCode: 404 },
      }),
    );
  });
});
