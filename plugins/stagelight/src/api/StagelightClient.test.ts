import { ResponseError } from '@backstage/errors';
import { StagelightClient } from './StagelightClient';

const BASE = 'http://localhost:7007/api/stagelight';

interface FakeResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

function jsonResponse(
  status: number,
  body: unknown,
  statusText = '',
): FakeResponse {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    url: BASE,
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type'
          ? 'application/json; charset=utf-8'
          : null,
    },
    text: async () => text,
    json: async () => JSON.parse(text),
  };
}

function setup(response: FakeResponse = jsonResponse(200, { items: [] })) {
  const fetch = jest.fn(async (_url: string) => response);
  const getBaseUrl = jest.fn(async (_pluginId: string) => BASE);
  const client = new StagelightClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch, getBaseUrl };
}

describe('StagelightClient', () => {
  it('lists environments without a query string when no filter is set', async () => {
    const body = {
      items: [],
      stages: [],
      refreshedAt: null,
      dataAgeSeconds: null,
    };
    const { client, fetch, getBaseUrl } = setup(jsonResponse(200, body));

    await expect(client.listEnvironments()).resolves.toEqual(body);
    expect(getBaseUrl).toHaveBeenCalledWith('stagelight');
    expect(fetch).toHaveBeenCalledWith(`${BASE}/environments`);
  });

  it('passes clinic, stage and power filters and leaves out empty ones', async () => {
    const { client, fetch } = setup();

    await client.listEnvironments({
      clinic: 'north-clinic',
      stage: 'dev',
      power: 'asleep',
    });
    await client.listEnvironments({ clinic: '', power: 'awake' });

    expect(fetch.mock.calls[0][0]).toBe(
      `${BASE}/environments?clinic=north-clinic&stage=dev&power=asleep`,
    );
    expect(fetch.mock.calls[1][0]).toBe(`${BASE}/environments?power=awake`);
  });

  it('asks for full details with include=resources', async () => {
    const { client, fetch } = setup();

    await client.listEnvironmentDetails({ clinic: 'north-clinic' });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/environments?clinic=north-clinic&include=resources`,
    );
  });

  it('encodes the path segments of one environment', async () => {
    const { client, fetch } = setup(jsonResponse(200, { clinic: 'a' }));

    await client.getEnvironment('north-clinic', 'pre prod/x');

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/environments/north-clinic/pre%20prod%2Fx`,
    );
  });

  it('lists clinics', async () => {
    const body = {
      items: [{ clinic: 'north-clinic', owner: null, stages: [] }],
    };
    const { client, fetch } = setup(jsonResponse(200, body));

    await expect(client.listClinics()).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith(`${BASE}/clinics`);
  });

  it('throws a ResponseError carrying the backend error on a failed request', async () => {
    const { client } = setup(
      jsonResponse(
        503,
        {
          error: {
            name: 'ServiceUnavailableError',
            message:
              'Stagelight has not finished its first refresh yet; try again shortly',
          },
          request: { method: 'GET', url: '/api/stagelight/clinics' },
          response: { statusCode: 503 },
        },
        'Service Unavailable',
      ),
    );

    const error = await client.listClinics().catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(error.cause.name).toBe('ServiceUnavailableError');
    expect(error.cause.message).toMatch(/first refresh/);
  });
});
