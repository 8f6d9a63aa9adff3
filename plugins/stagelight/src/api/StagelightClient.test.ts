import { ResponseError } from '@backstage/errors';
import { StagelightClient } from './StagelightClient';
import { StagelightBackendMissingError } from './StagelightBackendMissingError';
import {
  clientWithoutBackend,
  TEST_BASE_URL,
} from '../__testUtils__/backendMissing';

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

/** A failed request's answer, with the error serialized as Backstage backends do. */
function errorResponse(
  status: number,
  error: { name: string; message: string },
  statusText = '',
): FakeResponse {
  return jsonResponse(
    status,
    {
      error,
      request: { method: 'GET', url: '/x' },
      response: { statusCode: status },
    },
    statusText,
  );
}

/** The ResponseError a call rejects with. */
async function rejection(call: Promise<unknown>): Promise<ResponseError> {
  const error: unknown = await call.catch(e => e);
  expect(error).toBeInstanceOf(ResponseError);
  return error as ResponseError;
}

/** A schedule without windows; the backend's validation refuses it. */
const NO_WINDOWS = {
  timeZone: 'UTC',
  windows: [],
  preWarmMinutes: 0,
  exceptions: [],
};

function setup(response: FakeResponse = jsonResponse(200, { items: [] })) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => response);
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

  it("reads a clinic's power timeline, or the fleet's, with an optional number of days", async () => {
    const { client, fetch } = setup();

    await client.getTimeline({ clinic: 'north clinic' });
    await client.getTimeline({ clinic: 'north-clinic', days: 14 });
    await client.getTimeline();

    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      `${BASE}/clinics/north%20clinic/timeline`,
      `${BASE}/clinics/north-clinic/timeline?days=14`,
      `${BASE}/timeline`,
    ]);
  });

  it('throws a ResponseError carrying the backend error on a failed request', async () => {
    const { client } = setup(
      errorResponse(
        503,
        {
          name: 'ServiceUnavailableError',
          message:
            'Stagelight has not finished its first refresh yet; try again shortly',
        },
        'Service Unavailable',
      ),
    );

    const error = await rejection(client.listClinics());

    expect(error.statusCode).toBe(503);
    expect(error.cause.name).toBe('ServiceUnavailableError');
    expect(error.cause.message).toMatch(/first refresh/);
  });

  describe('a backend without the Stagelight plugin', () => {
    it('rejects every kind of call with an error naming the missing plugin and the line to add', async () => {
      // A backend without the plugin answers like this for any method and path.
      const { client } = clientWithoutBackend();

      for (const call of [
        () => client.listEnvironments(),
        () => client.getDoctorReport(),
        () => client.wake('north-clinic', 'dev', { reason: 'test' }),
      ]) {
        const error: unknown = await call().catch(e => e);
        expect(error).toBeInstanceOf(StagelightBackendMissingError);
        const missing = error as StagelightBackendMissingError;
        expect(missing.name).toBe('StagelightBackendMissingError');
        expect(missing.message).toContain(
          'The Stagelight backend plugin is not installed',
        );
        expect(missing.message).toContain(
          "backend.add(import('@stagelight/backstage-plugin-stagelight-backend'));",
        );
        expect(missing.url).toMatch(new RegExp(`^${TEST_BASE_URL}/`));
      }
    });

    it("keeps Stagelight's own 404, an unknown environment, as the backend's ResponseError", async () => {
      const { client } = setup(
        errorResponse(
          404,
          {
            name: 'NotFoundError',
            message: 'No environment north-clinic/qa',
          },
          'Not Found',
        ),
      );

      const error = await rejection(
        client.getEnvironment('north-clinic', 'qa'),
      );

      expect(error).not.toBeInstanceOf(StagelightBackendMissingError);
      expect(error.statusCode).toBe(404);
      expect(error.cause.message).toBe('No environment north-clinic/qa');
    });
  });

  describe('power and history', () => {
    const env = `${BASE}/environments/north-clinic/dev`;

    function bodyOf(init: RequestInit | undefined) {
      return JSON.parse(String(init?.body));
    }

    it('posts a wake with its reason and lease as JSON', async () => {
      const answer = { operation: { id: 'op-1' }, lease: null };
      const { client, fetch } = setup(jsonResponse(202, answer));

      await expect(
        client.wake('north-clinic', 'dev', { reason: 'demo', leaseHours: 2 }),
      ).resolves.toEqual(answer);

      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${env}/wake`);
      expect(init?.method).toBe('POST');
      expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(bodyOf(init)).toEqual({ reason: 'demo', leaseHours: 2 });
    });

    it('posts a sleep with its reason', async () => {
      const { client, fetch } = setup(
        jsonResponse(202, { operation: { id: 'op-2' }, lease: null }),
      );

      await client.sleep('north-clinic', 'dev', { reason: 'done for today' });

      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${env}/sleep`);
      expect(init?.method).toBe('POST');
      expect(bodyOf(init)).toEqual({ reason: 'done for today' });
    });

    it('extends and ends leases', async () => {
      const { client, fetch } = setup(jsonResponse(200, { lease: {} }));

      await client.extendLease('north-clinic', 'dev', {
        hours: 1,
        reason: 'longer demo',
      });
      await client.endLease('north-clinic', 'dev', 'finished early');
      await client.endLease('north-clinic', 'dev');

      expect(fetch.mock.calls[0][0]).toBe(`${env}/lease/extend`);
      expect(fetch.mock.calls[0][1]?.method).toBe('POST');
      expect(bodyOf(fetch.mock.calls[0][1])).toEqual({
        hours: 1,
        reason: 'longer demo',
      });
      expect(fetch.mock.calls[1][0]).toBe(`${env}/lease`);
      expect(fetch.mock.calls[1][1]?.method).toBe('DELETE');
      expect(bodyOf(fetch.mock.calls[1][1])).toEqual({
        reason: 'finished early',
      });
      expect(bodyOf(fetch.mock.calls[2][1])).toEqual({});
    });

    it('posts bulk wakes and sleeps to the clinic and stage endpoints', async () => {
      const answer = {
        scope: { clinic: 'north clinic' },
        started: [],
        skipped: [],
      };
      const { client, fetch } = setup(jsonResponse(202, answer));

      await expect(
        client.bulkWake(
          { clinic: 'north clinic' },
          { reason: 'demo', leaseHours: 4 },
        ),
      ).resolves.toEqual(answer);
      await client.bulkSleep({ clinic: 'north clinic' }, { reason: 'night' });
      await client.bulkWake({ stage: 'dev' }, { reason: 'sprint review' });
      await client.bulkSleep({ stage: 'dev' }, { reason: 'night' });

      expect(fetch.mock.calls.map(c => [c[0], c[1]?.method])).toEqual([
        [`${BASE}/clinics/north%20clinic/wake`, 'POST'],
        [`${BASE}/clinics/north%20clinic/sleep`, 'POST'],
        [`${BASE}/stages/dev/wake`, 'POST'],
        [`${BASE}/stages/dev/sleep`, 'POST'],
      ]);
      expect(bodyOf(fetch.mock.calls[0][1])).toEqual({
        reason: 'demo',
        leaseHours: 4,
      });
      expect(bodyOf(fetch.mock.calls[3][1])).toEqual({ reason: 'night' });
    });

    it('reads the schedule and replaces it with a PUT of the schedule itself', async () => {
      const { client, fetch } = setup(jsonResponse(200, { source: 'none' }));
      const schedule = {
        timeZone: 'Europe/Berlin',
        windows: [{ days: ['mon' as const], start: '08:00', end: '18:00' }],
        preWarmMinutes: 5,
        exceptions: [],
      };

      await client.getSchedule('north-clinic', 'dev');
      await client.putSchedule('north-clinic', 'dev', schedule);

      expect(fetch.mock.calls[0][0]).toBe(`${env}/schedule`);
      expect(fetch.mock.calls[0][1]).toBeUndefined();
      expect(fetch.mock.calls[1][0]).toBe(`${env}/schedule`);
      expect(fetch.mock.calls[1][1]?.method).toBe('PUT');
      expect(bodyOf(fetch.mock.calls[1][1])).toEqual(schedule);
    });

    it('throws the backend explanation of a rejected schedule', async () => {
      const { client } = setup(
        errorResponse(400, {
          name: 'InputError',
          message: 'Invalid schedule: schedule.windows[0].start must be HH:MM',
        }),
      );

      const error = await rejection(
        client.putSchedule('north-clinic', 'dev', NO_WINDOWS),
      );
      expect(error.statusCode).toBe(400);
      expect(error.cause.message).toBe(
        'Invalid schedule: schedule.windows[0].start must be HH:MM',
      );
    });

    it('reads operations, history and the fleet audit with optional limits', async () => {
      const { client, fetch } = setup(jsonResponse(200, { items: [] }));

      await client.getOperation('op/1');
      await client.listOperations('north-clinic', 'dev');
      await client.listOperations('north-clinic', 'dev', { limit: 5 });
      await client.getHistory('north-clinic', 'dev', { limit: 20 });
      await client.getAudit();
      await client.getAudit({ limit: 100 });

      expect(fetch.mock.calls.map(c => c[0])).toEqual([
        `${BASE}/operations/op%2F1`,
        `${env}/operations`,
        `${env}/operations?limit=5`,
        `${env}/history?limit=20`,
        `${BASE}/audit`,
        `${BASE}/audit?limit=100`,
      ]);
    });

    it('throws a ResponseError with the backend message on a 409', async () => {
      const { client } = setup(
        errorResponse(
          409,
          {
            name: 'ConflictError',
            message: 'north-clinic/prod is protected and never sleeps',
          },
          'Conflict',
        ),
      );

      const error = await rejection(
        client.sleep('north-clinic', 'prod', { reason: 'x' }),
      );

      expect(error.statusCode).toBe(409);
      expect(error.cause.message).toBe(
        'north-clinic/prod is protected and never sleeps',
      );
    });
  });

  describe('cost', () => {
    it('reads the cost summary', async () => {
      const body = { byStage: [], byClinic: [], diagnostics: [] };
      const { client, fetch } = setup(jsonResponse(200, body));

      await expect(client.getCostSummary()).resolves.toEqual(body);
      expect(fetch).toHaveBeenCalledWith(`${BASE}/cost/summary`);
    });

    it('encodes the clinic and stage of an environment cost read', async () => {
      const { client, fetch } = setup(jsonResponse(200, { daily: [] }));

      await client.getEnvironmentCost('north clinic', 'dev/1');

      expect(fetch).toHaveBeenCalledWith(
        `${BASE}/cost/environments/north%20clinic/dev%2F1`,
      );
    });

    it("reads a stage's forecast", async () => {
      const { client, fetch } = setup(jsonResponse(200, { method: 'trend' }));

      await expect(client.getStageForecast('test')).resolves.toEqual({
        method: 'trend',
      });
      expect(fetch).toHaveBeenCalledWith(`${BASE}/cost/stages/test/forecast`);
    });

    it("reads a clinic's cost and wake durations in one request each", async () => {
      const { client, fetch } = setup(jsonResponse(200, { clinic: 'north' }));

      await client.getClinicCost('north clinic');
      await client.getWakeDurations('north clinic');
      expect(fetch.mock.calls.map(c => c[0])).toEqual([
        `${BASE}/cost/clinics/north%20clinic`,
        `${BASE}/clinics/north%20clinic/wake-durations`,
      ]);
    });

    it('posts a projection request as JSON', async () => {
      const { client, fetch } = setup(jsonResponse(200, { savings: 12 }));
      const request = {
        stage: 'dev',
        schedule: {
          timeZone: 'Europe/Berlin',
          windows: [{ days: ['mon' as const], start: '08:00', end: '18:00' }],
          preWarmMinutes: 15,
          exceptions: [],
        },
      };

      await expect(client.projectSchedule(request)).resolves.toEqual({
        savings: 12,
      });
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${BASE}/cost/projection`);
      expect(init?.method).toBe('POST');
      expect(JSON.parse(String(init?.body))).toEqual(request);
    });

    it('throws a ResponseError with the validation message on a 400', async () => {
      const { client } = setup(
        errorResponse(400, {
          name: 'InputError',
          message: 'windows must not be empty',
        }),
      );

      const error = await rejection(
        client.projectSchedule({ stage: 'dev', schedule: NO_WINDOWS }),
      );

      expect(error.statusCode).toBe(400);
      expect(error.cause.message).toBe('windows must not be empty');
    });
  });
});
