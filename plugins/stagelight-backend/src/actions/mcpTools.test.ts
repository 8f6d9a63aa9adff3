import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
  stagelightCostReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  ApiSimulator,
  demoFleet,
  freePort,
  MotoServer,
  seedFleet,
  startApiSimulator,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  createStagelightEnvironmentConditionalDecision,
  stagelightEnvironmentConditions,
} from '..';
import { stagelightClockServiceRef } from '../clock/clockService';
import { stagelightPlugin } from '../plugin';
import { testPolicyModule } from '../__testUtils__/testPolicy';
import { databaseStatus, desiredCounts } from '../__testUtils__/fleetFixture';
import { onBehalfOfAuthServiceFactory } from '../__testUtils__/onBehalfOfAuth';
import { testConfigData } from '../__testUtils__/testSettings';
import { waitForSnapshot } from '../__testUtils__/waitForSnapshot';

jest.setTimeout(240_000);

/** A radiology lead: acts on harbor-view (owned by radiology-leads) and unowned northside. */
const LEE = 'user:default/lee.lead';
/** A developer: reads status, may change nothing and read no cost. */
const DANA = 'user:default/dana';
const CLAIMS: Record<string, string[]> = {
  [LEE]: [LEE, 'group:default/leads', 'group:default/radiology-leads'],
  [DANA]: [DANA, 'group:default/developers'],
};

/**
 * The default policy's rule, written with the exported conditions: leads act
 * on the clinics their groups own and on unowned ones and read cost;
 * everyone else only reads status.
 */
const leadsPolicy = testPolicyModule(
  'leads-policy',
  async (req: PolicyQuery, user?: PolicyQueryUser) => {
    const claims = user?.info.ownershipEntityRefs ?? [];
    const lead = claims.includes('group:default/leads');
    if (
      isResourcePermission(req.permission, STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE)
    ) {
      if (!lead) return { result: AuthorizeResult.DENY };
      const { isClinicOwner, isUnowned } = stagelightEnvironmentConditions;
      return createStagelightEnvironmentConditionalDecision(req.permission, {
        anyOf: [isClinicOwner({ claims }), isUnowned()],
      });
    }
    if (req.permission.name === stagelightCostReadPermission.name) {
      return {
        result: lead ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  },
);

/** The day the seeded cost history ends: the test backend's clock starts there and runs on. */
const TODAY = new Date('2026-11-26T00:00:00Z');
const START = Date.parse('2026-11-26T10:00:00Z');

type ToolResult = {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: any;
};

describe('Stagelight tools through the MCP actions backend', () => {
  let moto: MotoServer;
  let simulator: ApiSimulator;
  let server: Server;
  let stop: () => Promise<void>;
  const fleet = demoFleet();
  const clients: Client[] = [];

  beforeAll(async () => {
    moto = await startMotoServer();
    // One at a time: moto's StopDBCluster fails when RDS state changes concurrently.
    await seedFleet({
      endpoint: moto.endpoint,
      fleet,
      today: TODAY,
      concurrency: 1,
    });
    simulator = await startApiSimulator({
      endpoint: moto.endpoint,
      region: fleet.region,
      port: await freePort(),
      warmupMs: 0,
    });
    const offset = Date.now() - START;
    const backend = await startTestBackend({
      features: [
        stagelightPlugin,
        mcpActionsPlugin,
        permissionPlugin,
        leadsPolicy,
        onBehalfOfAuthServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            ...testConfigData(moto.endpoint, {
              readiness: {
                baseUrlTemplate: `${simulator.url.replace(
                  /\/$/,
                  '',
                )}/{clinic}/{stage}`,
                pollIntervalSeconds: 0.2,
              },
              power: { pollIntervalSeconds: 0.1 },
            }),
            backend: { actions: { pluginSources: ['stagelight'] } },
            permission: { enabled: true },
          },
        }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return { userEntityRef: ref, ownershipEntityRefs: CLAIMS[ref] };
          },
        }).factory,
        // The seeded month: real time, moved to the day the cost history ends.
        createServiceFactory({
          service: stagelightClockServiceRef,
          deps: {},
          factory: () => ({ now: () => new Date(Date.now() - offset) }),
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    await waitForSnapshot(server, mockCredentials.user.header(LEE));
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    await stop?.();
    await simulator?.close();
    await moto?.stop();
  });

  /** An MCP client signed in as `user`, over Streamable HTTP to the backend's real port. */
  async function connect(user: string): Promise<Client> {
    const { port } = server.address() as AddressInfo;
    const transport = new StreamableHTTPClientTransport(
      new URL(`http://localhost:${port}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: { Authorization: mockCredentials.user.header(user) },
        },
      },
    );
    const client = new Client({ name: 'stagelight-test', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  const call = async (
    client: Client,
    name: string,
    args: Record<string, unknown>,
  ) =>
    (await client.callTool({
      name: `stagelight.${name}`,
      arguments: args,
    })) as ToolResult;

  const ok = (result: ToolResult) => {
    if (result.isError) throw new Error(result.content[0]?.text);
    return result.structuredContent;
  };

  it('lists the tools with their schemas and hints, as far as the caller may use them', async () => {
    const lee = await connect(LEE);
    const { tools } = await lee.listTools();
    const byName = new Map(tools.map(t => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(
      [
        'end-lease',
        'extend-lease',
        'get-cost',
        'get-environment-status',
        'get-schedule',
        'list-environments',
        'remove-schedule-override',
        'set-schedule',
        'sleep-environment',
        'wait-for-deploy-marker',
        'wake-environment',
      ].map(n => `stagelight.${n}`),
    );
    expect(byName.get('stagelight.list-environments')).toMatchObject({
      inputSchema: {
        type: 'object',
        properties: {
          awake: { type: 'boolean' },
          clinic: { type: 'string' },
          stage: { type: 'string' },
        },
      },
      annotations: { readOnlyHint: true, destructiveHint: false },
    });
    expect(byName.get('stagelight.extend-lease')).toMatchObject({
      inputSchema: {
        required: ['clinic', 'stage', 'hours', 'reason'],
        properties: { hours: { type: 'number' } },
      },
      annotations: { readOnlyHint: false },
    });
    expect(byName.get('stagelight.wait-for-deploy-marker')).toMatchObject({
      inputSchema: { properties: { timeoutSeconds: { maximum: 300 } } },
    });
    expect(byName.get('stagelight.sleep-environment')).toMatchObject({
      annotations: { destructiveHint: true },
    });

    // A developer holds no cost permission: the cost tool is not offered.
    const dana = await connect(DANA);
    const danaTools = (await dana.listTools()).tools.map(t => t.name);
    expect(danaTools).not.toContain('stagelight.get-cost');
    expect(danaTools).toContain('stagelight.list-environments');
  });

  it('answers what is awake and costing money right now, with cost rates', async () => {
    const lee = await connect(LEE);
    const listed = ok(await call(lee, 'list-environments', { awake: true }));
    const awake = fleet.environments.filter(e => !e.asleep);
    expect(
      listed.environments.map((e: any) => `${e.clinic}/${e.stage}`).sort(),
    ).toEqual(awake.map(e => `${e.clinic}/${e.stage}`).sort());
    for (const env of listed.environments) {
      expect(env.power).toBe('awake');
      expect(env.readiness).toBe('ready');
      expect(env.cost).toMatchObject({ currency: 'USD', unavailable: null });
      expect(env.cost.awakeHourlyRate).toBeGreaterThan(0);
      expect(env.cost.monthToDate).toBeGreaterThan(0);
    }
    // Prod costs more by the hour than dev, as the seeded history says.
    const rate = (clinic: string, stage: string) =>
      listed.environments.find(
        (e: any) => e.clinic === clinic && e.stage === stage,
      ).cost.awakeHourlyRate;
    expect(rate('northside', 'prod')).toBeGreaterThan(rate('northside', 'dev'));
    expect(listed.awakeHourlyRate).toBeCloseTo(
      listed.environments.reduce(
        (s: number, e: any) => s + e.cost.awakeHourlyRate,
        0,
      ),
      2,
    );

    // A developer sees the same environments, and why their cost is missing.
    const dana = await connect(DANA);
    const seen = ok(await call(dana, 'list-environments', { awake: true }));
    expect(seen.environments).toHaveLength(listed.environments.length);
    expect(seen.environments[0].cost).toMatchObject({
      awakeHourlyRate: null,
      unavailable: 'not allowed to read Stagelight cost (stagelight.cost.read)',
    });
  });

  it('answers what staging costs this month', async () => {
    const lee = await connect(LEE);
    const cost = ok(await call(lee, 'get-cost', { stage: 'staging' }));
    expect(cost.byStage).toEqual([
      expect.objectContaining({ stage: 'staging' }),
    ]);
    expect(cost.byStage[0].monthToDate).toBeGreaterThan(0);
    expect(cost.byClinic.map((c: any) => c.clinic)).toEqual([
      'harbor-view',
      'lakeshore',
      'northside',
    ]);
    expect(
      cost.environments.map((e: any) => `${e.clinic}/${e.stage}`).sort(),
    ).toEqual([
      'harbor-view/staging',
      'lakeshore/staging',
      'northside/staging',
    ]);
    const monthToDate = cost.environments.reduce(
      (s: number, e: any) => s + e.month.monthToDate,
      0,
    );
    expect(monthToDate).toBeCloseTo(cost.byStage[0].monthToDate, 1);
  });

  it('keeps dev up two more hours: wakes with a lease, extends it and sees the new end', async () => {
    const lee = await connect(LEE);
    const woken = ok(
      await call(lee, 'wake-environment', {
        clinic: 'northside',
        stage: 'dev',
        reason: 'demo for the clinic',
        leaseHours: 2,
      }),
    );
    const firstEnd = Date.parse(woken.lease.endsAt);
    const extended = ok(
      await call(lee, 'extend-lease', {
        clinic: 'northside',
        stage: 'dev',
        hours: 2,
        reason: 'two more hours',
      }),
    );
    expect(Date.parse(extended.lease.endsAt)).toBe(firstEnd + 2 * 3_600_000);
    expect(extended.lease).toMatchObject({
      requestedBy: LEE,
      reason: 'two more hours',
    });
    const listed = ok(
      await call(lee, 'list-environments', {
        clinic: 'northside',
        stage: 'dev',
      }),
    );
    expect(listed.environments[0].leaseEndsAt).toBe(extended.lease.endsAt);

    // The wake ends (already awake: nothing to restore, the marker is served).
    let status = ok(
      await call(lee, 'get-environment-status', {
        clinic: 'northside',
        stage: 'dev',
      }),
    );
    for (
      let i = 0;
      ['pending', 'running'].includes(status.latestOperation.status);
      i++
    ) {
      if (i > 300) throw new Error('the wake did not end');
      await new Promise(r => setTimeout(r, 100));
      status = ok(
        await call(lee, 'get-environment-status', {
          clinic: 'northside',
          stage: 'dev',
        }),
      );
    }
    expect(status.latestOperation).toMatchObject({
      id: woken.operation.id,
      status: 'succeeded',
      outcome: 'awake',
    });
    const marker = ok(
      await call(lee, 'wait-for-deploy-marker', {
        clinic: 'northside',
        stage: 'dev',
        timeoutSeconds: 30,
      }),
    );
    expect(marker).toMatchObject({ outcome: 'ready', served: true });
  });

  it("answers what test's schedule is, and sets one for harbor-view's test", async () => {
    const lee = await connect(LEE);
    const schedule = {
      timeZone: 'Europe/Berlin',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          start: '08:00',
          end: '18:00',
        },
      ],
      preWarmMinutes: 15,
    };
    const set = ok(
      await call(lee, 'set-schedule', {
        clinic: 'harbor-view',
        stage: 'test',
        schedule,
      }),
    );
    expect(set).toMatchObject({
      source: 'override',
      schedule: { ...schedule, exceptions: [] },
    });
    const read = ok(
      await call(lee, 'get-schedule', { clinic: 'harbor-view', stage: 'test' }),
    );
    expect(read).toEqual(set);
    expect(read.desired.nextTransition).not.toBeNull();
    // The portal's validation: a made-up time zone is refused, naming it.
    const bad = await call(lee, 'set-schedule', {
      clinic: 'harbor-view',
      stage: 'test',
      schedule: { ...schedule, timeZone: 'Mars/Olympus' },
    });
    expect(bad.content[0].text).toMatch(/^InputError: .*IANA time zone/);
  });

  it("refuses a prod sleep, another team's clinic and a developer, each audited", async () => {
    const lee = await connect(LEE);
    const prod = await call(lee, 'sleep-environment', {
      clinic: 'northside',
      stage: 'prod',
      reason: 'save money overnight',
    });
    expect(prod).toMatchObject({
      isError: true,
      content: [
        {
          type: 'text',
          text: "ConflictError: Stage 'prod' is protected: its environments are never put to sleep",
        },
      ],
    });
    // lakeshore belongs to cardiology-leads.
    const other = await call(lee, 'sleep-environment', {
      clinic: 'lakeshore',
      stage: 'dev',
      reason: 'night',
    });
    expect(other.content[0].text).toBe(
      'NotAllowedError: Not allowed: stagelight.environment.sleep on lakeshore/dev',
    );
    const dana = await connect(DANA);
    const denied = await call(dana, 'wake-environment', {
      clinic: 'northside',
      stage: 'test',
      reason: 'try',
    });
    expect(denied.content[0].text).toBe(
      'NotAllowedError: Not allowed: stagelight.environment.wake on northside/test',
    );
    // Bad input is a clear message too, not a crash.
    const bad = await call(lee, 'extend-lease', {
      clinic: 'northside',
      stage: 'dev',
      hours: 'two',
      reason: 'x',
    });
    expect(bad).toMatchObject({ isError: true });
    expect(bad.content[0].text).toMatch(/^InputError: Invalid input/);

    // prod is still awake in AWS.
    const northsideProd = { clinic: 'northside', stage: 'prod' };
    expect((await desiredCounts(moto.endpoint, northsideProd)).api).toBe(
      fleet.environments.find(
        e => e.clinic === 'northside' && e.stage === 'prod',
      )!.apiDesiredCount,
    );
    expect(await databaseStatus(moto.endpoint, northsideProd)).toBe(
      'available',
    );

    const audit = await request(server)
      .get('/api/stagelight/audit')
      .set('Authorization', mockCredentials.user.header(LEE));
    expect(audit.status).toBe(200);
    const refused = audit.body.items
      .filter((a: any) => ['rejected', 'denied'].includes(a.result))
      .map((a: any) => [a.actor, a.action, a.clinic, a.stage, a.result]);
    expect(refused).toEqual(
      expect.arrayContaining([
        [LEE, 'environment-sleep', 'northside', 'prod', 'rejected'],
        [LEE, 'environment-sleep', 'lakeshore', 'dev', 'denied'],
        [DANA, 'environment-wake', 'northside', 'test', 'denied'],
      ]),
    );
    const prodRecord = audit.body.items.find(
      (a: any) => a.stage === 'prod' && a.action === 'environment-sleep',
    );
    expect(prodRecord).toMatchObject({
      reason: 'save money overnight',
      detail: expect.stringContaining('protected'),
    });
  });
});
