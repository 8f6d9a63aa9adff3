import { StagelightClient } from '../api';

export const TEST_BASE_URL = 'http://localhost:7007/api/stagelight';

/**
 * What a Backstage 1.57 backend answers for /api/<plugin it does not have>/...:
 * its root router's not-found handler, `res.status(404).end()`: no body, no
 * content type (pinned on the backend side by
 * plugins/stagelight-backend/src/http/halfInstall.test.ts). The app-backend's
 * SPA fallback never sees /api/ paths, so no index.html comes back either.
 */
export function unservedPluginResponse(url: string) {
  return {
    ok: false,
    status: 404,
    statusText: 'Not Found',
    url,
    headers: new Headers({ 'content-length': '0' }),
    text: async () => '',
    json: async () => {
      throw new SyntaxError('Unexpected end of JSON input');
    },
  };
}

/** The real client in front of a backend that has no Stagelight plugin. */
export function clientWithoutBackend() {
  const fetch = jest.fn(async (url: string) => unservedPluginResponse(url));
  const client = new StagelightClient({
    discoveryApi: { getBaseUrl: async () => TEST_BASE_URL },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}
