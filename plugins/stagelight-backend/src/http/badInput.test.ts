import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { Server } from 'node:http';
import request from 'supertest';
import { stagelightPlugin } from '../plugin';
import {
  MAX_REASON_LENGTH,
  MAX_SCHEDULE_EXCEPTIONS,
  MAX_SCHEDULE_WINDOWS,
} from '../schema/bounds';
import {
  ALDER_PROD,
  BIRCH_DEV_ASLEEP,
  createFleetFixture,
} from '../__testUtils__/fleetFixture';
import { localAwsSuite } from '../__testUtils__/localAwsSuite';
import { testConfigData } from '../__testUtils__/testSettings';
import { waitForSnapshot } from '../__testUtils__/waitForSnapshot';

jest.setTimeout(180_000);

const GUEST = 'user:default/guest';
const MANAGER = 'user:default/max.manager';
const LEAD = 'user:default/lee.lead';

/** The default policy's roles, by user: guests read status, managers also cost, leads everything. */
function allowed(user: string | undefined, permission: Permission): boolean {
  if (!user) return false;
  if (user === LEAD) return true;
  if (permission.name === 'stagelight.environment.read') return true;
  return user === MANAGER && permission.name === 'stagelight.cost.read';
}

const rolePermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const decide = (requests: any[], options: any) =>
      requests.map(r => ({
        result: allowed(
          options?.credentials?.principal?.userEntityRef,
          r.permission,
        )
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    return {
      authorize: async (requests: any[], options: any) =>
        decide(requests, options),
      authorizeConditional: async (requests: any[], options: any) =>
        decide(requests, options),
    } as any;
  },
});

const as = (user: string) => mockCredentials.user.header(user);

/**
 * A JSON text nested `depth` levels deep. Sent as text: serializing the
 * object would overflow the test client's own stack first.
 */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

const week = {
  timeZone: 'UTC',
  windows: [{ days: ['mon'], start: '08:00', end: '18:00' }],
};

interface Case {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  user?: string;
  /** A raw Authorization header instead of a user's. */
  authorization?: string;
  body?: unknown;
  raw?: { type: string; text: string };
  /** The status the backend must answer. */
  status: number;
  /** Part of the error message that must name what is wrong. */
  message?: RegExp;
}

const ENV = '/environments/alder/dev';
const PROD = '/environments/alder/prod';

/** Every route, for the cases that apply to all of them. */
const ROUTES: Array<Pick<Case, 'method' | 'path' | 'body'>> = [
  { method: 'get', path: '/environments' },
  { method: 'get', path: ENV },
  { method: 'get', path: `${ENV}/readiness?timeoutSeconds=0` },
  { method: 'get', path: '/clinics' },
  { method: 'post', path: `${ENV}/wake`, body: { reason: 'r' } },
  { method: 'post', path: `${ENV}/sleep`, body: { reason: 'r' } },
  { method: 'post', path: '/clinics/alder/wake', body: { reason: 'r' } },
  { method: 'post', path: '/clinics/alder/sleep', body: { reason: 'r' } },
  { method: 'post', path: '/stages/dev/wake', body: { reason: 'r' } },
  { method: 'post', path: '/stages/dev/sleep', body: { reason: 'r' } },
  {
    method: 'post',
    path: `${ENV}/lease/extend`,
    body: { reason: 'r', hours: 1 },
  },
  { method: 'delete', path: `${ENV}/lease` },
  { method: 'get', path: `${ENV}/schedule` },
  { method: 'put', path: `${ENV}/schedule`, body: week },
  { method: 'delete', path: `${ENV}/schedule` },
  { method: 'get', path: `${ENV}/operations` },
  { method: 'get', path: '/operations/op-1' },
  { method: 'get', path: `${ENV}/history` },
  { method: 'get', path: '/audit' },
  { method: 'get', path: '/cost/summary' },
  { method: 'get', path: '/cost/environments/alder/dev' },
  { method: 'get', path: '/cost/clinics/alder' },
  { method: 'get', path: '/clinics/alder/wake-durations' },
  { method: 'get', path: '/cost/stages/dev/forecast' },
  { method: 'get', path: '/clinics/alder/timeline' },
  { method: 'get', path: '/timeline' },
  {
    method: 'post',
    path: '/cost/projection',
    body: { stage: 'dev', schedule: week },
  },
];

const MUTATIONS = ROUTES.filter(
  r => r.method !== 'get' && !r.path.startsWith('/cost'),
);
const BODY_ROUTES = ROUTES.filter(r => r.body !== undefined);

const ODD_SEGMENTS = [
  '..',
  '%2e%2e',
  'a%00b',
  'A'.repeat(300),
  '%3Cscript%3E',
  'a%20b',
  '%F0%9F%92%A9',
  "x'%3B--",
  '__proto__',
  '%2F..%2F..',
];

/** Bodies every route that takes one must refuse, with what it must answer. */
const HOSTILE_BODIES: Array<
  Pick<Case, 'name' | 'body' | 'raw' | 'status' | 'message'>
> = [
  {
    // 500 levels fit in every route's body limit.
    name: 'deep body',
    raw: { type: 'application/json', text: nestedJson(500) },
    status: 400,
    message: /nests deeper than 8 levels|not valid JSON/,
  },
  {
    name: 'huge body',
    body: { reason: 'x'.repeat(200_000) },
    status: 413,
    message: /over \d+kb/,
  },
  {
    name: 'malformed JSON',
    raw: { type: 'application/json', text: '{"reason": "r",' },
    status: 400,
    message: /not valid JSON/,
  },
  {
    name: 'prototype key',
    raw: {
      type: 'application/json',
      text: '{"reason":"r","__proto__":{"protected":false}}',
    },
    status: 400,
    message: /additional properties/,
  },
  {
    name: 'constructor key',
    body: { reason: 'r', constructor: { prototype: { admin: true } } },
    status: 400,
    message: /additional properties/,
  },
  {
    name: 'form body',
    raw: { type: 'application/x-www-form-urlencoded', text: 'reason=r' },
    status: -4,
  },
  {
    name: 'text body',
    raw: { type: 'text/plain', text: 'reason' },
    status: -4,
  },
  { name: 'array body', body: [1, 2, 3], status: 400 },
];

function corpus(): Case[] {
  const cases: Case[] = [];
  for (const r of ROUTES) {
    cases.push({ ...r, name: `no token: ${r.method} ${r.path}`, status: 401 });
    cases.push({
      ...r,
      name: `forged token: ${r.method} ${r.path}`,
      authorization: mockCredentials.user.invalidHeader(),
      status: 401,
    });
    cases.push({
      ...r,
      name: `forged service token: ${r.method} ${r.path}`,
      authorization: mockCredentials.service.invalidHeader(),
      status: 401,
    });
  }
  for (const r of MUTATIONS) {
    cases.push({
      ...r,
      name: `guest may not: ${r.method} ${r.path}`,
      user: GUEST,
      status: 403,
    });
    cases.push({
      ...r,
      name: `manager may not: ${r.method} ${r.path}`,
      user: MANAGER,
      status: 403,
    });
  }
  for (const path of [
    '/cost/summary',
    '/cost/environments/alder/dev',
    '/cost/clinics/alder',
    '/cost/stages/dev/forecast',
  ]) {
    cases.push({
      name: `guest may not read cost: ${path}`,
      method: 'get',
      path,
      user: GUEST,
      status: 403,
    });
  }
  for (const segment of ODD_SEGMENTS) {
    for (const [method, path] of [
      ['get', `/environments/${segment}/dev`],
      ['get', `/environments/alder/${segment}`],
      ['post', `/environments/${segment}/dev/wake`],
      ['put', `/environments/alder/${segment}/schedule`],
      ['get', `/cost/environments/${segment}/dev`],
      ['get', `/cost/clinics/${segment}`],
      ['get', `/clinics/${segment}/wake-durations`],
      ['get', `/clinics/${segment}/timeline`],
    ] as const) {
      cases.push({
        name: `odd path segment ${segment.slice(0, 12)}: ${method} ${path.slice(
          0,
          40,
        )}`,
        method,
        path,
        user: LEAD,
        body: method === 'get' ? undefined : { reason: 'r', ...week },
        status: -4, // any 4xx
      });
    }
  }
  for (const r of BODY_ROUTES) {
    for (const hostile of HOSTILE_BODIES) {
      cases.push({
        ...r,
        ...hostile,
        name: `${hostile.name}: ${r.method} ${r.path}`,
        user: LEAD,
      });
    }
  }
  const tooManyWindows = {
    ...week,
    windows: Array.from({ length: MAX_SCHEDULE_WINDOWS + 1 }, () => ({
      days: ['mon'],
      start: '08:00',
      end: '09:00',
    })),
  };
  const tooManyExceptions = {
    ...week,
    exceptions: Array.from({ length: MAX_SCHEDULE_EXCEPTIONS + 1 }, () => ({
      date: '2026-12-24',
      state: 'asleep',
    })),
  };
  for (const [path, days] of [
    ['/clinics/alder/timeline', '0'],
    ['/clinics/alder/timeline', '32'],
    ['/timeline', '-1'],
    ['/timeline', 'seven'],
    ['/timeline', '1.5'],
    ['/timeline', '1e400'],
  ] as const) {
    cases.push({
      name: `timeline days ${days}: ${path}`,
      method: 'get',
      path: `${path}?days=${days}`,
      user: GUEST,
      status: 400,
      message: /days/,
    });
  }
  cases.push({
    name: 'timeline of an unknown clinic',
    method: 'get',
    path: '/clinics/cedar/timeline',
    user: GUEST,
    status: 404,
    message: /No environments for clinic 'cedar'/,
  });
  cases.push(
    {
      name: 'schedule with too many windows',
      method: 'put',
      path: `${ENV}/schedule`,
      user: LEAD,
      body: tooManyWindows,
      status: 400,
      message: /windows must NOT have more than 64 items/,
    },
    {
      name: 'schedule with too many exceptions',
      method: 'put',
      path: `${ENV}/schedule`,
      user: LEAD,
      body: tooManyExceptions,
      status: 400,
      message: /exceptions must NOT have more than 366 items/,
    },
    {
      name: 'projection with too many windows',
      method: 'post',
      path: '/cost/projection',
      user: LEAD,
      body: { stage: 'dev', schedule: tooManyWindows },
      status: 400,
      message: /windows must NOT have more than 64 items/,
    },
    {
      name: 'reason over the limit',
      method: 'post',
      path: `${ENV}/wake`,
      user: LEAD,
      body: { reason: 'x'.repeat(MAX_REASON_LENGTH + 1) },
      status: 400,
      message: /reason must NOT have more than 500 characters/,
    },
    {
      name: 'lease far too long',
      method: 'post',
      path: `${ENV}/wake`,
      user: LEAD,
      body: { reason: 'r', leaseHours: 1e9 },
      status: 400,
      message: /leaseHours/,
    },
    {
      name: 'lease not a number',
      method: 'post',
      path: `${ENV}/wake`,
      user: LEAD,
      body: { reason: 'r', leaseHours: '2' },
      status: 400,
      message: /leaseHours/,
    },
    {
      name: 'blank reason',
      method: 'post',
      path: `${ENV}/sleep`,
      user: LEAD,
      body: { reason: '   ' },
      status: 400,
      message: /reason is required/,
    },
    {
      name: 'bad time zone',
      method: 'put',
      path: `${ENV}/schedule`,
      user: LEAD,
      body: { ...week, timeZone: 'Mars/Olympus' },
      status: 400,
      message: /IANA time zone/,
    },
    {
      name: 'time zone over the limit',
      method: 'put',
      path: `${ENV}/schedule`,
      user: LEAD,
      body: { ...week, timeZone: 'Europe/'.repeat(20) },
      status: 400,
      message: /timeZone must NOT have more than 64 characters/,
    },
    ...['0', '501', 'abc', '-1', '1e3'].map(
      limit =>
        ({
          name: `audit limit ${limit}`,
          method: 'get',
          path: `/audit?limit=${limit}`,
          user: LEAD,
          status: 400,
        } as Case),
    ),
    ...['-1', 'abc', '100000'].map(
      t =>
        ({
          name: `readiness timeout ${t}`,
          method: 'get',
          path: `${ENV}/readiness?timeoutSeconds=${t}`,
          user: LEAD,
          status: 400,
        } as Case),
    ),
    {
      name: 'readiness marker with odd characters',
      method: 'get',
      path: `${ENV}/readiness?marker=%3Cscript%3E`,
      user: LEAD,
      status: 400,
    },
    {
      name: 'unknown query parameter',
      method: 'get',
      path: '/environments?admin=true',
      user: LEAD,
      status: 400,
    },
    {
      name: 'unknown stage',
      method: 'post',
      path: '/environments/alder/qa/wake',
      user: LEAD,
      body: { reason: 'r' },
      status: 404,
    },
    {
      name: 'clinic cost of a malformed clinic id',
      method: 'get',
      path: '/cost/clinics/North_Side',
      user: LEAD,
      status: 400,
      message: /clinic/,
    },
    {
      name: 'wake durations of a malformed clinic id',
      method: 'get',
      path: '/clinics/North_Side/wake-durations',
      user: LEAD,
      status: 400,
      message: /clinic/,
    },
    {
      name: 'wake durations of an unknown clinic',
      method: 'get',
      path: '/clinics/nowhere/wake-durations',
      user: LEAD,
      status: 404,
      message: /No environments for clinic 'nowhere'/,
    },
    // Protected stages, by every path.
    {
      name: 'sleep prod',
      method: 'post',
      path: `${PROD}/sleep`,
      user: LEAD,
      body: { reason: 'save money' },
      status: 409,
      message: /protected/,
    },
    {
      name: 'sleep the prod stage',
      method: 'post',
      path: '/stages/prod/sleep',
      user: LEAD,
      body: { reason: 'save money' },
      status: 202,
    },
    {
      name: 'schedule prod',
      method: 'put',
      path: `${PROD}/schedule`,
      user: LEAD,
      body: week,
      status: 409,
      message: /protected/,
    },
    {
      name: 'lease prod',
      method: 'post',
      path: `${PROD}/wake`,
      user: LEAD,
      body: { reason: 'r', leaseHours: 2 },
      status: 409,
      message: /protected/,
    },
    {
      name: 'extend a lease on prod',
      method: 'post',
      path: `${PROD}/lease/extend`,
      user: LEAD,
      body: { reason: 'r', hours: 1 },
      status: 409,
      message: /protected/,
    },
    {
      name: 'sleep prod through the actions registry',
      method: 'post',
      path: '/.backstage/actions/v1/actions/stagelight:sleep-environment/invoke',
      user: LEAD,
      body: { clinic: 'alder', stage: 'prod', reason: 'save money' },
      status: 409,
      message: /protected/,
    },
  );
  return cases;
}

async function send(server: Server, c: Case) {
  let req = request(server)[c.method](`/api/stagelight${c.path}`);
  if (c.authorization) req = req.set('Authorization', c.authorization);
  else if (c.user) req = req.set('Authorization', as(c.user));
  else req = req.set('Authorization', mockCredentials.none.header());
  if (c.raw) return req.set('Content-Type', c.raw.type).send(c.raw.text);
  if (c.body !== undefined) return req.send(c.body as object);
  return req;
}

/** Everything a refused request must leave as it was. */
async function stateOf(server: Server) {
  const lead = as(LEAD);
  const get = async (path: string) =>
    (
      await request(server)
        .get(`/api/stagelight${path}`)
        .set('Authorization', lead)
    ).body;
  const envs = (await get('/environments')).items;
  const perEnv = [];
  for (const e of envs) {
    const base = `/environments/${e.clinic}/${e.stage}`;
    const schedule = await get(`${base}/schedule`);
    perEnv.push({
      env: `${e.clinic}/${e.stage}`,
      power: e.power,
      schedule: schedule.schedule,
      source: schedule.source,
      lease: schedule.lease,
      operations: (await get(`${base}/operations`)).items.map((o: any) => o.id),
    });
  }
  const audit = (await get('/audit?limit=500')).items;
  return { perEnv, audit };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('bad input against the started backend', () => {
  const local = localAwsSuite();

  it('answers every case with a 4xx naming what is wrong, and changes nothing but the audit', async () => {
    await createFleetFixture(local.moto().endpoint, [
      {
        clinic: 'alder',
        stage: 'dev',
        desiredCount: 1,
        marker: 'm-alder-dev',
      },
      ALDER_PROD,
      BIRCH_DEV_ASLEEP,
    ]);
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        stagelightPlugin,
        mockServices.rootConfig.factory({
          data: testConfigData(local.moto().endpoint, {
            readiness: {
              baseUrlTemplate: local.api().baseUrlTemplate,
              probeTimeoutSeconds: 1,
              maxWaitSeconds: 30,
            },
          }),
        }),
        mockServices.database.factory({ knex }),
        rolePermissions,
      ],
    });
    await waitForSnapshot(server, as(LEAD));

    const cases = corpus();
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const before = await stateOf(server);
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await send(server, c);
      const ok =
        c.status === -4
          ? res.status >= 400 && res.status < 500
          : res.status === c.status;
      const named =
        !c.message || c.message.test(res.body?.error?.message ?? '');
      if (!ok || !named || res.status >= 500) {
        wrong.push(
          `${c.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      }
      // A refusal never echoes a large body back.
      expect(JSON.stringify(res.body ?? '').length).toBeLessThan(4000);
    }
    expect(wrong).toEqual([]);

    const after = await stateOf(server);
    expect(after.perEnv).toEqual(before.perEnv);
    // Only records of refused attempts were added, each bounded.
    const added = after.audit.slice(
      0,
      after.audit.length - before.audit.length,
    );
    expect(added.length).toBeGreaterThan(0);
    for (const record of added) {
      // A bulk sleep of the protected stage is done with nothing acted on.
      if (record.action === 'stage-sleep' && record.result === 'succeeded') {
        expect(record.detail).toMatch(/^sleep: none; skipped: /);
        continue;
      }
      expect(['denied', 'rejected', 'failed']).toContain(record.result);
      expect(JSON.stringify(record).length).toBeLessThan(2000);
    }
  });
});
