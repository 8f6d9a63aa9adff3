import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { stagelightPlugin } from '../plugin';
import { testConfigData } from '../__testUtils__/testSettings';

jest.setTimeout(60_000);

/**
 * The HTTP contract is what clients and pipelines build on: the document the
 * running plugin serves must change only on purpose. When it does, regenerate
 * the fixture from the served document and review the diff.
 */
it('serves the committed OpenAPI document byte for byte', async () => {
  const backend = await startTestBackend({
    features: [
      stagelightPlugin,
      // Nothing listens here: the document does not depend on AWS.
      mockServices.rootConfig.factory({
        data: testConfigData('http://127.0.0.1:9'),
      }),
    ],
  });
  try {
    const res = await request(backend.server)
      .get('/api/stagelight/openapi.json')
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', chunk => (text += chunk));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    const committed = readFileSync(
      join(__dirname, '__fixtures__', 'openapi.served.json'),
      'utf8',
    );
    expect(res.body).toBe(committed);
  } finally {
    await backend.stop();
  }
});
