import { stringifyEntityRef } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
// The acceptance test needs the real backend to serve the inventory; the module itself never imports it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import stagelightPlugin from '@stagelight/backstage-plugin-stagelight-backend';
import {
  demoFleet,
  MotoServer,
  seedFleet,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import request from 'supertest';
import { catalogModuleStagelight } from './module';
import { StagelightEntityProvider } from './StagelightEntityProvider';

jest.setTimeout(180_000);

/** Acceptance: the seeded demo fleet reaches the catalog through the real Stagelight backend. */
describe('the demo fleet in the catalog', () => {
  let moto: MotoServer;
  const fleet = demoFleet();

  beforeAll(async () => {
    moto = await startMotoServer();
    await seedFleet({
      endpoint: moto.endpoint,
      fleet,
      today: new Date('2026-11-26T00:00:00Z'),
      concurrency: 1,
    });
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it('provides a System per clinic with its Components and Resources', async () => {
    const providers: EntityProvider[] = [];
    const { server } = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          { addEntityProvider: (...p: any[]) => providers.push(...p.flat()) },
        ],
      ],
      features: [
        stagelightPlugin,
        catalogModuleStagelight,
        mockServices.rootConfig.factory({
          data: {
            aws: {
              mainAccount: {
                accessKeyId: 'testing',
                secretAccessKey: 'testing',
              },
            },
            stagelight: {
              // The demo fleet is seeded into moto's main account, us-east-1.
              aws: {
                endpoint: moto.endpoint,
                targets: [{ regions: ['us-east-1'] }],
              },
              readiness: { probeOnRefresh: false },
            },
          },
        }),
      ],
    });
    for (let i = 0; i < 300; i++) {
      const res = await request(server).get('/api/stagelight/clinics');
      if (res.status === 200) break;
      await new Promise(r => setTimeout(r, 100));
    }

    const mutations: EntityProviderMutation[] = [];
    const provider = providers[0] as StagelightEntityProvider;
    await provider.connect({
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    });
    await provider.refresh();

    const mutation = mutations[mutations.length - 1];
    if (mutation?.type !== 'full') throw new Error('expected a full mutation');
    const refs = mutation.entities.map(e => stringifyEntityRef(e.entity));
    const clinics = [...new Set(fleet.environments.map(e => e.clinic))];
    for (const clinic of clinics) {
      expect(refs).toEqual(
        expect.arrayContaining([
          `system:default/${clinic}`,
          `component:default/${clinic}-api`,
          `component:default/${clinic}-ingest`,
          `component:default/${clinic}-notify`,
          `component:default/${clinic}-web`,
        ]),
      );
    }
    for (const env of fleet.environments) {
      for (const component of ['uploads', 'archive', 'queue', 'dlq', 'db']) {
        expect(refs).toContain(
          `resource:default/${env.clinic}-${env.stage}-${component}`,
        );
      }
    }
    expect(refs).toHaveLength(
      clinics.length * 5 + fleet.environments.length * 5,
    );
  });
});
