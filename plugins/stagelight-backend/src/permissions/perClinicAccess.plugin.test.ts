import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE } from '@stagelight/backstage-plugin-stagelight-common';
import { MotoServer, startMotoServer } from '@internal/stagelight-local-aws';
import request from 'supertest';
import {
  createStagelightEnvironmentConditionalDecision,
  stagelightEnvironmentConditions,
} from '..';
import { stagelightPlugin } from '../plugin';
import { testPolicyModule } from '../__testUtils__/testPolicy';
import { createFleetFixture } from '../__testUtils__/fleetFixture';
import { onBehalfOfAuthServiceFactory } from '../__testUtils__/onBehalfOfAuth';
import { testConfigData } from '../__testUtils__/testSettings';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** alder's lead: a member of the group that owns alder. */
const ALICE = 'user:default/alice';

/**
 * A policy as an adopter writes it with the exported conditions: environments
 * act for their owners, and for anyone while unowned.
 */
const ownersPolicy = testPolicyModule(
  'owners-policy',
  async (req: PolicyQuery, user?: PolicyQueryUser) => {
    if (
      !isResourcePermission(
        req.permission,
        STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
      )
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    const { isClinicOwner, isUnowned } = stagelightEnvironmentConditions;
    return createStagelightEnvironmentConditionalDecision(req.permission, {
      anyOf: [
        isClinicOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
        isUnowned(),
      ],
    });
  },
);

describe('per-clinic access through the permission backend', () => {
  let moto: MotoServer;

  beforeAll(async () => {
    moto = await startMotoServer();
    const awake = { stage: 'dev', desiredCount: 1 };
    await createFleetFixture(moto.endpoint, [
      {
        ...awake,
        clinic: 'alder',
        marker: 'm-alder',
        owner: 'group:default/alder-leads',
      },
      {
        ...awake,
        clinic: 'birch',
        marker: 'm-birch',
        owner: 'group:default/birch-leads',
      },
      { ...awake, clinic: 'cedar', marker: 'm-cedar' },
    ]);
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it("lets a user sleep the environments their groups own and unowned ones, no other clinic's", async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        stagelightPlugin,
        permissionPlugin,
        onBehalfOfAuthServiceFactory,
        ownersPolicy,
        mockServices.rootConfig.factory({
          data: {
            ...testConfigData(moto.endpoint, {
              power: { pollIntervalSeconds: 0.1 },
            }),
            permission: { enabled: true },
          },
        }),
        mockServices.database.factory({ knex }),
        mockServices.userInfo.mock({
          getUserInfo: async () => ({
            userEntityRef: ALICE,
            ownershipEntityRefs: [ALICE, 'group:default/Alder-Leads'],
          }),
        }).factory,
      ],
    });
    const asAlice = (path: string) =>
      request(server)
        .post(`/api/stagelight${path}`)
        .set('Authorization', mockCredentials.user.header(ALICE))
        .send({ reason: 'night' });

    let list = await request(server)
      .get('/api/stagelight/environments')
      .set('Authorization', mockCredentials.user.header(ALICE));
    for (let i = 0; list.status === 503 && i < 300; i++) {
      await new Promise(r => setTimeout(r, 100));
      list = await request(server)
        .get('/api/stagelight/environments')
        .set('Authorization', mockCredentials.user.header(ALICE));
    }
    // The owners come from the stagelight:owner tags.
    expect(list.body.items.map((e: any) => [e.clinic, e.owner])).toEqual([
      ['alder', 'group:default/alder-leads'],
      ['birch', 'group:default/birch-leads'],
      ['cedar', null],
    ]);

    // Another group's clinic: refused, naming the permission and the environment.
    const birch = await asAlice('/environments/birch/dev/sleep');
    expect(birch.status).toBe(403);
    expect(birch.body.error.message).toBe(
      'Not allowed: stagelight.environment.sleep on birch/dev',
    );
    // Not in the snapshot: there is nothing to apply the conditions to.
    const unknown = await asAlice('/environments/dogwood/dev/sleep');
    expect(unknown.status).toBe(403);

    // A whole stage: each environment decided on its own, the refused one skipped.
    const bulk = await asAlice('/stages/dev/sleep');
    expect(bulk.status).toBe(202);
    expect(
      bulk.body.started.map((s: any) => s.operation.clinic).sort(),
    ).toEqual(['alder', 'cedar']);
    expect(bulk.body.skipped).toEqual([
      {
        clinic: 'birch',
        stage: 'dev',
        reason: 'Not allowed: stagelight.environment.sleep on birch/dev',
      },
    ]);

    const audit = await request(server)
      .get('/api/stagelight/audit')
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(
      audit.body.items
        .filter((a: any) => a.action !== 'environment-sleep-ended')
        .map((a: any) => [a.action, a.clinic, a.stage, a.result])
        .reverse(),
    ).toEqual([
      ['environment-sleep', 'birch', 'dev', 'denied'],
      ['environment-sleep', 'dogwood', 'dev', 'denied'],
      ['environment-sleep', 'alder', 'dev', 'succeeded'],
      ['environment-sleep', 'birch', 'dev', 'denied'],
      ['environment-sleep', 'cedar', 'dev', 'succeeded'],
      ['stage-sleep', null, 'dev', 'succeeded'],
    ]);

    // The started operations end, put to sleep, before the backend stops.
    for (const { operation } of bulk.body.started) {
      const read = () =>
        request(server)
          .get(`/api/stagelight/operations/${operation.id}`)
          .set('Authorization', mockCredentials.user.header(ALICE));
      let op = await read();
      for (let i = 0; ['pending', 'running'].includes(op.body.status); i++) {
        if (i > 300) throw new Error(`operation ${operation.id} did not end`);
        await new Promise(r => setTimeout(r, 100));
        op = await read();
      }
      expect(op.body).toMatchObject({ status: 'succeeded', outcome: 'asleep' });
    }
  });
});
